import type { KnownActor } from "./actor";
import type { Scope } from "./scopes";

/** One decision: may this (signed-in) actor do it to this resource? Pure, no I/O. */
export type Rule = (actor: KnownActor, scope: Scope | undefined) => boolean;
export type Rules = Record<string, Rule>;
