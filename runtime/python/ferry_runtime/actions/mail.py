"""The Oozie email action: sent through Airflow's SMTP connection, or written to an outbox.

Group: send -> outcome. FERRY_BACKEND=kubernetes sends with the smtp provider's SmtpHook
(connection `smtp_default`); FERRY_BACKEND=local writes an RFC 822 `.eml` file into FERRY_OUTBOX
(default `<repo>/outbox`) so a local run shows what would have been sent.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from ferry_runtime._airflow import BaseOperator
from ferry_runtime.errors import failure_recorded
from ferry_runtime.transitions import enter


@dataclass(frozen=True)
class Email:
    """An Oozie <email> action; every text field is a Jinja template."""

    node: str
    to: str
    subject: str
    body: str
    cc: str | None = None
    bcc: str | None = None
    content_type: str = "text/plain"
    from_email: str | None = None


def addresses(field: str | None) -> list[str]:
    """Oozie's comma-separated address list."""
    return [part.strip() for part in re.split(r"[,;]", field or "") if part.strip()]


def email_message(mail: EmailAction, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(addresses(mail.to))
    if cc := addresses(mail.cc):
        message["Cc"] = ", ".join(cc)
    if bcc := addresses(mail.bcc):
        message["Bcc"] = ", ".join(bcc)
    message["Subject"] = mail.subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain="ferry.local")
    subtype = "html" if mail.content_type.lower() == "text/html" else "plain"
    message.set_content(mail.body, subtype=subtype)
    return message


class EmailAction(BaseOperator):
    """Renders the email's fields; subclasses deliver it."""

    template_fields = ("to", "cc", "bcc", "subject", "body")
    ui_color = "#fff4e0"

    def __init__(self, *, mail: Email, **kwargs: Any) -> None:
        kwargs.setdefault("task_id", "send")
        super().__init__(**kwargs)
        self.ferry_node = mail.node
        self.to = mail.to
        self.cc = mail.cc
        self.bcc = mail.bcc
        self.subject = mail.subject
        self.body = mail.body
        self.content_type = mail.content_type
        self.from_email = mail.from_email

    def execute(self, context: Any) -> None:
        enter(self, context)
        with failure_recorded(context, "EMAIL_FAILED"):
            if not addresses(self.to):
                raise ValueError(f"email action '{self.ferry_node}' has no recipient")
            self.deliver(context)

    def deliver(self, context: Any) -> None:
        raise NotImplementedError


class SendEmailSmtp(EmailAction):
    def __init__(self, *, smtp_conn_id: str = "smtp_default", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.smtp_conn_id = smtp_conn_id

    def deliver(self, context: Any) -> None:
        from airflow.providers.smtp.hooks.smtp import SmtpHook

        # The hook sends HTML; Oozie's default body is plain text, so keep its line breaks.
        is_html = self.content_type.lower() == "text/html"
        content = self.body if is_html else f"<pre>{html.escape(self.body)}</pre>"
        with SmtpHook(smtp_conn_id=self.smtp_conn_id) as hook:
            hook.send_email_smtp(
                to=addresses(self.to),
                cc=addresses(self.cc) or None,
                bcc=addresses(self.bcc) or None,
                subject=self.subject,
                html_content=content,
                from_email=self.from_email or os.environ.get("FERRY_MAIL_FROM"),
            )
        self.log.info("email '%s' sent to %s: %s", self.ferry_node, self.to, self.subject)


class WriteEmailToOutbox(EmailAction):
    def __init__(self, *, repo: Path | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.repo = repo

    def deliver(self, context: Any) -> None:
        outbox = Path(os.environ.get("FERRY_OUTBOX") or self._repo() / "outbox")
        outbox.mkdir(parents=True, exist_ok=True)
        sender = self.from_email or os.environ.get("FERRY_MAIL_FROM") or "ferry@localhost"
        ti = context["ti"]
        stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{ti.dag_id}.{ti.run_id}.{self.ferry_node}")
        path = outbox / f"{stem}.eml"
        path.write_bytes(email_message(self, sender).as_bytes())
        self.log.info(
            "email '%s' to %s written to %s\nSubject: %s\n\n%s",
            self.ferry_node,
            self.to,
            path,
            self.subject,
            self.body,
        )

    def _repo(self) -> Path:
        """The migrated repo: given, else the parent of the DAG file's folder (<repo>/dags/x.py)."""
        if self.repo is not None:
            return Path(self.repo)
        return Path(self.dag.fileloc).resolve().parents[1]
