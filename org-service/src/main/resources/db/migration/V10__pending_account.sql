-- Accounts in no organization's group (待分配, issue 20) as org-service last saw them, so the staff screen's list
-- reads this table and asks Keycloak about these accounts only, never about every user of the realm. Filled by the
-- directory placer from sign-ins and by a periodic rescan of the realm (staff/PendingAccounts); a row whose account
-- has since joined a group or gone is dropped when the list is read.
CREATE TABLE pending_account (
    user_id          text         PRIMARY KEY, -- Keycloak user id (a federated one may be longer than a uuid)
    username         varchar(255) NOT NULL,
    seen_at          timestamptz  NOT NULL DEFAULT now()
);
