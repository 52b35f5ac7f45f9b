-- 008: sign-in throttling (sqlite). One row per key: "p:" an account from one address, "u:" an account from
-- anywhere, "a:" an address against any account. Keys use the typed user name, so unknown accounts are
-- throttled exactly like real ones and their answers cannot tell them apart.
create table login_throttles (
    key text primary key,
    failures integer not null,
    lockouts integer not null,
    locked_until integer,
    last_failure_at integer,
    trusted_until integer
);
