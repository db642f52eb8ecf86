import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

type Toast = { kind: "success" | "error" | "info"; message: string };

/** Feedback after an action; announced politely to screen readers. */
export function ToastMessage({ toast }: { toast: Toast }) {
  const [visible, setVisible] = useState(true);
  const { t } = useTranslation();
  useEffect(() => {
    setVisible(true);
    const timer = setTimeout(() => setVisible(false), 8000);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!visible) return null;
  return (
    <div className={`toast toast--${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"}>
      <p>{toast.message}</p>
      <button type="button" className="toast__close" onClick={() => setVisible(false)} aria-label={t("common.close")}>
        ×
      </button>
    </div>
  );
}
