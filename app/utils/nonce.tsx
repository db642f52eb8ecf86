import { createContext, useContext } from "react";

/** The CSP nonce of this response, for components that render inline scripts. */
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
