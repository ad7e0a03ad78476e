"""``Desk``: the one object per open workspace that every client calls (the shape Anki gives
``mw.col``).

The window, the CLI and the tests go through it for the queue, the review form, corrections,
the checks, the calculation, signing, verification and the panel. It owns the database
sessions: each method opens one short transaction and returns plain values or the core's own
result objects, never a live ORM object, so no widget ever holds a session (on the shared
PostgreSQL a row lock held by the GUI thread would freeze the window). Lost updates are the
review service's optimistic lock: callers pass the version they loaded and get
``ConcurrentEdit`` instead of overwriting someone else's save.

Methods that take long (import, checks, signing, verification, exports) are plain blocking
calls; the window runs them through its operation framework (``ui/operations.py``).

Start-up: the window imports this module before it shows, so each area's core modules (the
checks, the importer, pyHanko behind signing and verification, the panel) are imported inside
the methods that use them, on first use: importing them all here measured +0.38 s to the
window's start. Annotations name them under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from slq_desk.desk import panel_process as process
from slq_desk.desk import queue, review_data
from slq_desk.errors import BadInput
from slq_desk.models.schema import Application, ExtractedField, Review
from slq_desk.workspace import Workspace

if TYPE_CHECKING:
    from slq_desk.desk.office import OfficeDesk
    from slq_desk.desk.overview import AuditFilter, AuditRow, Dashboard, Note, OutputFile
    from slq_desk.desk.verification import Verified
    from slq_desk.opinion.build import Built
    from slq_desk.opinion.export import Exported
    from slq_desk.panel.aggregate import PanelAggregate
    from slq_desk.panel.collect import CollectReport
    from slq_desk.panel.exports import Written
    from slq_desk.panel.rank_allocate import Candidate
    from slq_desk.review.aggregate import PanelSettings
    from slq_desk.review.rubric import Rubric
    from slq_desk.review.service import ReviewChanges, ReviewState

__all__ = ["Desk", "ReviewForm", "SignContext", "OpinionRow", "Correction"]

Report = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ReviewForm:
    """What the scoring form shows when it opens: the computed subsidy, the reviewer's review
    (None before the declaration) and the rubric the form uses."""

    computed: Decimal | None
    state: ReviewState | None
    rubric: Rubric
    applicant: str = ""  # who the form is about: the header and every confirmation name it
    policy: str = ""  # the policy's display name
    signed: bool = False  # a signed opinion exists for this review: the form is final


@dataclass(frozen=True)
class SignContext:
    """What the signing dialog shows before anything is asked."""

    exists: bool
    applicant: str
    reviewers: tuple[str, ...]
    policy: str = ""  # the policy's display name, named beside the applicant


class DefaultCutOff:
    """``panel_export(cut_off=DEFAULT_CUT_OFF)``: the pass threshold of the opinions' rubric,
    read from the aggregate made inside the export's transaction."""


DEFAULT_CUT_OFF = DefaultCutOff()


@dataclass(frozen=True)
class OpinionRow:
    """One imported expert opinion, as the panel's opinion table lists it."""

    application_id: str
    reviewer: str
    total: Any
    recommendation: str | None
    status: str
    held: bool
    signed_at: Any
    sha256: str
    warnings: tuple[str, ...] = field(default_factory=tuple)
    id: int | None = None
    signer: str | None = None
    source_name: str | None = None
    version: int = 1  # the signed export's version number, which decides supersession
    cert_sha256: str | None = None


@dataclass(frozen=True)
class Correction:
    """The outcome of ``Desk.correct``: the field as it now stands, and the new subsidy."""

    application_id: str
    field_id: int
    name: str
    extracted: str
    corrected_value: str | None
    corrected_by: str | None
    computed_subsidy: Decimal | None
    removed: bool = False  # a field a person had entered, withdrawn: it is gone


class Desk:
    """The desk service for one open workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @classmethod
    def open(cls, path: str | os.PathLike[str], database_url: str | None = None) -> Desk:
        return cls(Workspace.open(Path(path), database_url=database_url))

    @property
    def actor(self) -> str:
        return self.workspace.actor

    @property
    def path(self) -> Path:
        return self.workspace.path

    def close(self) -> None:
        self.workspace.close()

    # --- queue --------------------------------------------------------------------------------

    def applications(self) -> list[queue.ApplicationRow]:
        return queue.list_applications(self.workspace)

    def documents(self, application_id: str) -> list[queue.DocumentRef] | None:
        """The application's documents, or None when there is no such application."""
        return queue.list_documents(self.workspace, application_id)

    def application_ids(self) -> list[str]:
        with self.workspace.session() as s:
            return list(s.scalars(select(Application.id).order_by(Application.id)))

    def has_application(self, application_id: str) -> bool:
        with self.workspace.session() as s:
            return s.get(Application, application_id) is not None

    def first_application_id(self) -> str | None:
        with self.workspace.session() as s:
            return s.scalars(select(Application.id).order_by(Application.id)).first()

    def computed_subsidy(self, application_id: str) -> Decimal | None:
        with self.workspace.session() as s:
            app = s.get(Application, application_id)
            return app.computed_subsidy if app is not None else None

    # --- import and checks ----------------------------------------------------------------------

    def import_package(self, path: Path, progress: Report | None = None) -> Any:
        from slq_desk.checks.dedup import index_imported
        from slq_desk.ingest.importer import import_package

        result = import_package(self.workspace, path, progress=progress)
        if result.created:  # 查重 stays a lookup: the new application joins the index now
            index_imported(self.workspace, result.application_id)
        return result

    def run_checks(self, application_id: str) -> Any:
        from slq_desk.checks.runner import run_checks

        return run_checks(self.workspace, application_id)

    def set_fact_overrides(self, application_id: str, overrides: dict[str, Any],
                           who: str | None = None) -> None:
        """Keep a reviewer's facts with the application (``facts["overrides"]``; None removes
        one), with who set each and when (``facts["overrides_set"]``), audited; the next run
        of the checks uses them."""
        from slq_desk import audit
        from slq_desk.models.types import utcnow

        who = (who or "").strip() or self.actor
        with self.workspace.session() as s:
            app = s.get(Application, application_id)
            if app is None:
                raise BadInput(f"no application {application_id!r} in this workspace")
            facts = dict(app.facts or {})
            before = dict(facts.get("overrides") or {})
            after = {k: v for k, v in {**before, **overrides}.items() if v is not None}
            when = utcnow().isoformat(timespec="seconds")
            marks = {k: v for k, v in dict(facts.get("overrides_set") or {}).items() if k in after}
            for key, value in overrides.items():
                if value is not None and before.get(key) != value:
                    marks[key] = {"by": who, "at": when}
            facts["overrides"] = after
            facts["overrides_set"] = marks
            app.facts = facts
            audit.record(s, who, "application.facts_set", "application", application_id,
                         before, after)

    def application_facts(self, application_id: str) -> Any:
        """The facts a person may set that matter for the application's policy, each with its
        value and who set it when, or what the last calculation used (``desk.facts``)."""
        from slq_desk.desk.facts import application_facts

        return application_facts(self.workspace, application_id)

    def set_facts(self, application_id: str, values: dict[str, str], who: str | None = None) -> Any:
        """Set (or, with "", clear) facts typed as text, validated as ``check --set`` does,
        kept with who and when, audited; then the checks and the calculation run again.
        Returns the checks' report. Raises ``FactRefused`` with nothing changed."""
        from slq_desk.desk.facts import parse_value

        parsed = {key: parse_value(key, text) for key, text in values.items()}
        self.check_facts(application_id, parsed)
        self.set_fact_overrides(application_id, parsed, who)
        return self.run_checks(application_id)

    def check_facts(self, application_id: str, parsed: dict[str, Any]) -> None:
        """What one value alone cannot show, against the application: the service period the
        right way round with the facts already set, invoice lines that exist. Raises
        ``FactRefused``; ``set_facts`` and ``check --set`` both call it."""
        from slq_desk.desk.facts import check_lines_exist, check_together

        with self.workspace.session() as s:
            app = s.get(Application, application_id)
            if app is None:
                raise BadInput(f"no application {application_id!r} in this workspace",
                               zh=f"工作区中没有申报 {application_id}")
            current = dict((app.facts or {}).get("overrides") or {})
        check_together(current, parsed)
        check_lines_exist(self.workspace, application_id, parsed.get("excluded_lines") or ())

    def relabel(self, application_id: str, document_id: int, kind: str, who: str | None = None,
                progress: Report | None = None, carry: tuple[Any, ...] = ()) -> dict[str, Any]:
        """A person's kind for one document of the application: read again as that kind (in
        the reader process, OCR included), remembered for identical files, audited; then the
        checks and the calculation run again (``ingest.relabel.set_kind``; ``carry`` and the
        result's ``was`` / ``dropped`` are for the window's undo)."""
        from slq_desk.ingest.relabel import set_kind
        from slq_desk.kinds import DOCUMENT_KINDS

        if kind not in DOCUMENT_KINDS:
            raise BadInput(f"unknown kind {kind!r}; one of {', '.join(DOCUMENT_KINDS)}",
                           zh=f"未知的材料类型 {kind}")

        def on_page(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total, "OCR")

        done = set_kind(self.workspace, str(document_id), kind, application_id=application_id,
                        who=who, on_page=on_page, carry=carry)
        if progress is not None:
            progress(1, 1, "初审检查")
        self.run_checks(application_id)
        return done

    def missing_fields(self, document_id: int) -> tuple[str, tuple[str, ...]]:
        """(kind, the fields the checks read that the reader did not find on the document)."""
        from slq_desk.desk.entry import missing_fields

        return missing_fields(self.workspace, document_id)

    def enter_field(self, application_id: str, document_id: int, name: str, value: str,
                    who: str | None = None) -> Any:
        """A person's value for a field the reader did not find (补录字段), kept beside an
        empty extracted value with who and when, audited; then the checks run again."""
        from slq_desk.desk.entry import enter_field

        enter_field(self.workspace, application_id, document_id, name, value, who or self.actor)
        return self.run_checks(application_id)

    def person_value(self, key: Any) -> str | None:
        """The value a person gave the field named by ``key`` (None: none given)."""
        from slq_desk.desk.entry import person_value

        return person_value(self.workspace, key)

    def set_field(self, key: Any, value: str | None, who: str | None = None) -> Any:
        """Give the field named by ``key`` a person's value, or take it back (None): the window's
        undo and redo of a correction or an entry. Corrected where it was read, entered where it
        is not, typed and audited as a correction; then the checks run again (their report)."""
        from slq_desk.desk.entry import set_person_value

        set_person_value(self.workspace, key, value, (who or "").strip() or self.actor)
        return self.run_checks(key.application_id)

    def fact_texts(self, application_id: str, keys: Any) -> dict[str, str]:
        """The facts ``keys`` as a person set them, as text ("" where nobody did): what an undo
        of setting them sets again."""
        from slq_desk.desk.facts import as_text

        rows = {row.key: row for row in self.application_facts(application_id).rows}
        return {key: as_text(key, rows[key].value) if key in rows and rows[key].set else ""
                for key in keys}

    # --- checklist, calculation, corrections ----------------------------------------------------

    def checklist(self, application_id: str) -> review_data.ChecklistData:
        return review_data.load_checklist(self.workspace, application_id)

    def calculation(self, application_id: str) -> review_data.CalculationData:
        return review_data.load_calculation(self.workspace, application_id)

    def correct_field(self, field_id: int, value: str | None, who: str) -> str:
        """Record a person's value for an extracted field (None withdraws it), re-run the
        checks; returns the application id."""
        return review_data.correct_field(self.workspace, field_id, value, who)

    def correct(self, application_id: str, field_id: int, value: str | None,
                who: str | None = None) -> Correction:
        """``correct_field`` for a field that must belong to ``application_id`` (the CLI names
        both, so a mistyped id cannot change another application's subsidy)."""
        with self.workspace.session() as s:
            if s.get(Application, application_id) is None:
                raise BadInput(f"工作区中没有申报 {application_id} / no application "
                               f"{application_id!r} in this workspace")
            row = s.get(ExtractedField, field_id)
            if row is None or row.document.application_id != application_id:
                raise BadInput(f"申报 {application_id} 没有字段 {field_id} / application "
                               f"{application_id} has no extracted field {field_id} "
                               f"(list them: slq-desk correct {application_id} -w WORKSPACE)")
            name = row.name
        self.correct_field(field_id, value, who or self.actor)
        with self.workspace.session() as s:
            row = s.get(ExtractedField, field_id)
            app = s.get(Application, application_id)
            assert app is not None  # checked above, in this workspace
            if row is None:  # an entered field withdrawn: nothing read to go back to
                return Correction(application_id, field_id, name, "", None, None,
                                  app.computed_subsidy, removed=True)
            return Correction(application_id, row.id, row.name, row.value, row.corrected_value,
                              row.corrected_by, app.computed_subsidy)

    # --- the review form --------------------------------------------------------------------------

    def review_form(self, application_id: str, reviewer: str,
                    rubric_ref: str | None = None) -> ReviewForm:
        """The form as stored (raises ``BadInput``/``RubricError`` with the reason it cannot open)."""
        from slq_desk.models.schema import Opinion
        from slq_desk.review import service as reviews

        with self.workspace.session() as s:
            app = reviews.get_application(s, application_id)
            computed = app.computed_subsidy
            who = (app.applicant_name or "", queue.policy_label(app.policy_id))
            review = reviews.get_review(s, application_id, reviewer) if reviewer else None
            if review is not None:
                state = reviews.state(s, review)
                signed = s.scalars(select(Opinion.id).where(
                    Opinion.review_id == review.id,
                    Opinion.signature_status == "signed")).first() is not None
                return ReviewForm(computed, state, state.rubric, *who, signed=signed)
            rubric = reviews.form_rubric(s, application_id, reviewer or "-", rubric_ref)
            return ReviewForm(computed, None, rubric, *who)

    def review_overview(self, application_id: str, viewer: str | None) -> dict[str, Any]:
        """The application, its default rubric (or why there is none) and the reviews
        ``viewer`` may see (all for None), as ``slq-desk review show`` prints them."""
        from slq_desk.review import service as reviews
        from slq_desk.review.rubric import RubricError, rubric_for

        with self.workspace.session() as s:
            app = reviews.get_application(s, application_id)
            states = [reviews.state(s, r) for r in reviews.visible_reviews(s, app.id, viewer)]
            try:
                default = reviews.rubric_summary(rubric_for(app.policy_id, app.direction))
                default_note = ""
            except RubricError as err:
                default, default_note = None, str(err)
            return {"application": dict(reviews.application_summary(app)),
                    "default_rubric": default, "default_rubric_note": default_note,
                    "states": states}

    def save_review(self, actor: str, application_id: str, reviewer: str,
                    changes: ReviewChanges,
                    expected_version: int | None) -> ReviewState:
        from slq_desk.review import service as reviews

        with self.workspace.session() as s:
            return reviews.update(s, actor, application_id, reviewer, changes,
                                  expected_version=expected_version)

    def declare_coi(self, actor: str, application_id: str, reviewer: str, declaration: str,
                    expected_version: int | None,
                    rubric_ref: str | None = None) -> ReviewState:
        from slq_desk.review import service as reviews

        with self.workspace.session() as s:
            return reviews.declare_coi(s, actor, application_id, reviewer, declaration,
                                       expected_version=expected_version, rubric_ref=rubric_ref)

    def submit_review(self, actor: str, application_id: str, reviewer: str,
                      expected_version: int | None) -> ReviewState:
        from slq_desk.review import service as reviews

        with self.workspace.session() as s:
            return reviews.submit(s, actor, application_id, reviewer,
                                  expected_version=expected_version)

    # --- signing ----------------------------------------------------------------------------------

    def sign_context(self, application_id: str) -> SignContext:
        with self.workspace.session() as s:
            app = s.get(Application, application_id)
            names = sorted(s.scalars(select(Review.reviewer).where(
                Review.application_id == application_id)))
            return SignContext(app is not None, app.applicant_name or "" if app else "",
                               tuple(names), queue.policy_label(app.policy_id) if app else "")

    def sign_readiness(self, application_id: str, reviewer: str | None) -> Built:
        """The opinion as it would be signed, with what blocks signing (the same checks)."""
        from slq_desk.opinion.build import build

        with self.workspace.session() as s:
            return build(s, application_id, reviewer)

    def reviewed_application_ids(self, reviewer: str | None = None) -> set[str]:
        """Applications with a review (by ``reviewer`` when named): what can be signed."""
        with self.workspace.session() as s:
            q = select(Review.application_id).distinct()
            if reviewer:
                q = q.where(Review.reviewer == reviewer)
            return set(s.scalars(q))

    def sign_opinion(self, application_id: str, out: Path, identity: Any, *,
                     reviewer: str | None = None, replace: bool = False,
                     actor: str | None = None) -> Exported:
        """Sign (or draft); the audit names ``actor``, else the certificate's holder."""
        from slq_desk.opinion.export import export_opinion

        return export_opinion(self.workspace, application_id, out, identity,
                              reviewer=reviewer, replace=replace, actor=actor)

    # --- verification ---------------------------------------------------------------------------

    @staticmethod
    def verify(pdf: Path, package: Path | None = None) -> Verified:
        """An expert opinion or a panel summary, told apart by its attachment (typed result)."""
        from slq_desk.desk.verification import verify

        return verify(pdf, package)

    # --- panel ------------------------------------------------------------------------------------

    def import_opinions(self, source: Path) -> CollectReport:
        from slq_desk.panel.collect import import_opinions

        if not source.exists():
            raise BadInput(f"找不到 {source} / not found: {source}")
        return import_opinions(self.workspace, source)

    def panel_opinions(self, application_id: str | None = None) -> list[OpinionRow]:
        from slq_desk.panel.collect import held_ids, opinions

        with self.workspace.session() as s:
            held = held_ids(s)
            return [OpinionRow(o.application_id, o.reviewer, o.total, o.recommendation, o.status,
                               o.application_id in held, o.signed_at, o.sha256,
                               tuple(o.warnings or ()), o.id, o.signer, o.source_name,
                               int((o.data or {}).get("version", 1)), o.cert_sha256)
                    for o in opinions(s, application_id)]

    def stored_panel_settings(self, settings_file: Path | None = None) -> PanelSettings:
        """``settings_file`` when given, else the workspace's stored panel settings, else the
        defaults."""
        from slq_desk.panel.settings import stored
        from slq_desk.review.aggregate import PanelSettings

        if settings_file:
            return PanelSettings.from_file(settings_file)
        with self.workspace.session() as s:
            return stored(s) or PanelSettings()

    def store_panel_settings(self, path: Path) -> PanelSettings:
        """Keep a panel settings file with the workspace (audited) and return what it holds."""
        from slq_desk.panel.settings import store_file

        with self.workspace.session() as s:
            return store_file(s, self.actor, path)

    def panel_aggregate(self, settings: PanelSettings, source: str = "opinions") -> PanelAggregate:
        from slq_desk.panel import aggregate

        with self.workspace.session() as s:
            return aggregate.run(s, settings, source)

    def panel_candidates(self, settings: PanelSettings, source: str = "opinions",
                         policy_id: str | None = None) -> tuple[PanelAggregate, list[Candidate]]:
        """Aggregate (imported opinions, or the workspace's own reviews) and list the
        candidates for ranking, in one transaction."""
        from slq_desk.panel import aggregate
        from slq_desk.panel.rank_allocate import candidates

        with self.workspace.session() as s:
            agg = aggregate.run(s, settings, source)
            return agg, candidates(s, agg, policy_id)

    def save_panel_conclusion(self, application_id: str, chair: str, settings: PanelSettings, *,
                              comment: str | None = None, recommendation: str | None = None,
                              amount: str | None = None,
                              expected_version: int | None = None) -> dict[str, Any]:
        """The chair's draft conclusion (a concurrent change raises instead of being
        overwritten), as plain values."""
        from slq_desk.money import fmt
        from slq_desk.panel.panel_opinion import save_conclusion

        with self.workspace.session() as s:
            row = save_conclusion(s, self.actor, application_id, chair, comment=comment,
                                  recommendation=recommendation, amount=amount,
                                  expected_version=expected_version, settings=settings)
            return {"application_id": row.application_id, "recommendation": row.recommendation,
                    "recommended_amount": None if row.recommended_amount is None
                    else fmt(row.recommended_amount), "comment": row.comment,
                    "chair": row.chair, "version": row.version,
                    "source_hashes": list(row.source_hashes)}

    def panel_settings(self, method: str | None = None, normalise: bool = False) -> PanelSettings:
        """The workspace's stored panel settings, with the chair's choices on screen applied."""
        from slq_desk.panel.settings import stored
        from slq_desk.review.aggregate import PanelSettings

        with self.workspace.session() as s:
            base = stored(s) or PanelSettings()
        if method is None:
            return base
        return replace(base, method=method, normalise=normalise or base.normalise)

    def panel_rank(self, settings: PanelSettings) -> tuple[PanelAggregate, list[Candidate]]:
        """Aggregate the imported opinions and list the candidates for ranking."""
        from slq_desk.panel import aggregate
        from slq_desk.panel.rank_allocate import candidates

        with self.workspace.session() as s:
            agg = aggregate.run(s, settings, "opinions")
            return agg, candidates(s, agg)

    def panel_export(self, settings: PanelSettings, out_dir: Path, identity: Any, *,
                     budget: Decimal | None, cut_off: Decimal | None | DefaultCutOff,
                     mode: str | None, policy_id: str | None, chair: str | None = None,
                     replace: bool = False, source: str = "opinions",
                     order: tuple[str, ...] | None = None,
                     candidates_policy: str | None = None) -> list[Written]:
        """Aggregate and rank again inside the export's transaction (so the files match the
        data they were made from), then write 汇总表 (signed with ``identity``, or a draft),
        名单 and scores. ``cut_off=DEFAULT_CUT_OFF`` takes the rubric's pass threshold."""
        from slq_desk.panel import aggregate
        from slq_desk.panel.exports import export_all
        from slq_desk.panel.rank_allocate import candidates, default_cut_off, rank_and_allocate
        from slq_desk.review.ranking import DEFAULT_ORDER

        with self.workspace.session() as s:
            agg = aggregate.run(s, settings, source)
            cut = default_cut_off(agg) if isinstance(cut_off, DefaultCutOff) else cut_off
            plist = rank_and_allocate(candidates(s, agg, candidates_policy), budget=budget,
                                      mode=mode, cut_off=cut, order=order or DEFAULT_ORDER,
                                      policy_id=policy_id)
            name = chair or (identity.info.name if identity is not None else self.actor)
            return export_all(s, agg, plist, out_dir, identity, name, replace, actor=self.actor)

    # --- the panel process (issue 16): draw, kits and pledges, 复核, report, 公示 and 异议 ----------
    # Plain values from ``desk.panel_process``; the CLI calls the same core functions.

    @staticmethod
    def panel_read_pool(pool: Path) -> list[process.PoolExpert]:
        return process.read_pool(pool)

    def panel_latest_draw(self) -> process.DrawView | None:
        return process.latest_draw(self.workspace)

    def panel_draw(self, pool: Path, size: int, batch: str, seed: int | None = None,
                   application_ids: list[str] | None = None,
                   policy_id: str | None = None) -> process.DrawView:
        return process.run_draw(self.workspace, pool, size, batch, seed, application_ids,
                                policy_id)

    def panel_substitute(self, out_name: str, in_name: str, reason: str,
                         pool: Path | None = None) -> process.DrawView:
        return process.substitute(self.workspace, out_name, in_name, reason, pool)

    def panel_export_kit(self, expert: str, out: Path, chair: Any, *,
                         packages: Path | None = None, pledge: Path | None = None,
                         replace: bool = False) -> Any:
        return process.export_kit(self.workspace, expert, out, chair, packages=packages,
                                  pledge=pledge, replace=replace)

    def panel_import_pledges(self, path: Path) -> Any:
        return process.import_pledges(self.workspace, path)

    def panel_pledges(self) -> process.PledgeState:
        return process.pledge_state(self.workspace)

    def panel_flags(self, refresh: bool = True) -> list[process.FlagRow]:
        return process.flags(self.workspace, refresh)

    def panel_request_recheck(self, flag_id: int, note: str = "", out: Path | None = None,
                              replace: bool = False) -> dict[str, Any]:
        return process.request_recheck(self.workspace, flag_id, note, out, replace)

    def panel_resolve_flag(self, flag_id: int, explanation: str | None = None,
                           revised: Path | None = None) -> Any:
        return process.resolve_flag(self.workspace, flag_id, explanation, revised)

    def panel_opinion_files(self) -> list[process.PanelOpinionFile]:
        return process.panel_opinion_files(self.workspace)

    def panel_conclusion(self, application_id: str) -> dict[str, Any] | None:
        return process.conclusion(self.workspace, application_id)

    def panel_composed_comment(self, application_id: str, settings: PanelSettings) -> str:
        return process.composed_comment(self.workspace, application_id, settings)

    def panel_export_opinion(self, application_id: str, out: Path, identity: Any,
                             settings: PanelSettings, *, chair: str | None = None,
                             replace: bool = False) -> Any:
        return process.export_panel_opinion(self.workspace, application_id, out, identity,
                                            settings, chair=chair, replace=replace)

    def panel_build_report(self, out: Path, settings: PanelSettings, *,
                           budget: Decimal | None, cut_off: Decimal | None, mode: str | None,
                           policy_id: str | None, replace: bool = False) -> process.ReportBuilt:
        return process.build_report(self.workspace, out, settings, budget=budget,
                                    cut_off=cut_off, mode=mode, policy_id=policy_id,
                                    replace=replace)

    @staticmethod
    def panel_sign_report(pdf: Path, identity: Any, dissent: str | None = None) -> Any:
        return process.sign_report(pdf, identity, dissent)

    def panel_verify_report(self, pdf: Path) -> Any:
        return process.verify_report(self.workspace, pdf)

    def panel_publicity(self, out_dir: Path, settings: PanelSettings, *,
                        budget: Decimal | None, cut_off: Decimal | None, mode: str | None,
                        policy_id: str | None, start: date, days: int,
                        replace: bool = False) -> process.PublicityDone:
        return process.export_publicity(self.workspace, out_dir, settings, budget=budget,
                                        cut_off=cut_off, mode=mode, policy_id=policy_id,
                                        start=start, days=days, replace=replace)

    def panel_objections(self) -> list[process.ObjectionRow]:
        return process.objections(self.workspace)

    def panel_record_objection(self, application_id: str, objector: str, about: str,
                               received_at: datetime | None = None) -> process.ObjectionRow:
        return process.record_objection(self.workspace, application_id, objector, about,
                                        received_at)

    def panel_answer_objection(self, objection_id: int, answer: str, outcome: str,
                               reopen: bool = False) -> process.ObjectionRow:
        return process.answer_objection(self.workspace, objection_id, answer, outcome, reopen)

    # --- audit ------------------------------------------------------------------------------------

    def verify_audit(self) -> Any:
        """Walk the hash-chained audit log (``audit.verify``'s report)."""
        from slq_desk import audit

        with self.workspace.session() as s:
            return audit.verify(s)

    def verify_audit_anchored(self, anchors: list[tuple[str, dict[str, Any]]]) -> tuple[Any, Any]:
        """The chain walk and its comparison with the MACed checkpoints beside the database and
        with the chain heads carried by signed exports (``audit.verify_anchors``)."""
        from slq_desk import audit

        ws = self.workspace
        with ws.session() as s:
            report = audit.verify(s)
            anchored = audit.verify_anchors(s, ws.path, ws.database_label, anchors)
        return report, anchored

    def audit_checkpoint(self) -> dict[str, Any]:
        """Write a checkpoint of the chain head now; returns the checkpoint entry."""
        from slq_desk import audit

        ws = self.workspace
        with ws.session() as s:
            seq, digest = audit.head(s)
        entry: dict[str, Any] = audit.write_checkpoint(ws.path, ws.database_label, seq, digest,
                                                       ws.actor)
        return entry

    def audit_events(self, limit: int) -> list[dict[str, Any]]:
        """The last ``limit`` audit events, oldest first, as plain values."""
        from slq_desk.models import AuditEvent

        with self.workspace.session() as s:
            events = list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)))
            return [{"seq": e.seq, "at": e.at.isoformat(), "actor": e.actor, "action": e.action,
                     "entity": e.entity, "entity_id": e.entity_id, "before": e.before,
                     "after": e.after, "db_role": e.db_role}
                    for e in reversed(events)]

    # --- the 初审 office --------------------------------------------------------------------------

    @property
    def office(self) -> OfficeDesk:
        """Status moves, notices, 补正, 查验 records, lists, 查重, 初审汇总表 (``desk/office.py``)."""
        from slq_desk.desk.office import OfficeDesk

        return OfficeDesk(self)
    def audit_log(self, filters: AuditFilter | None = None, limit: int = 2000) -> list[AuditRow]:
        """Audit events passing ``filters`` (actor, action, application, Beijing date range),
        newest first (``overview.audit_log``)."""
        from slq_desk.desk import overview

        return overview.audit_log(self.workspace, filters or overview.AuditFilter(), limit)

    def audit_filter_choices(self) -> tuple[list[str], list[str]]:
        """(actors, actions) present in the log."""
        from slq_desk.desk import overview

        return overview.audit_actors_and_actions(self.workspace)

    # --- notes and the dashboard --------------------------------------------------------------------

    def notes(self, application_id: str) -> list[Note]:
        """The application's notes, oldest first."""
        from slq_desk.desk import overview

        return overview.notes(self.workspace, application_id)

    def add_note(self, application_id: str, author: str, text: str) -> Note:
        """Keep a note under ``author`` (the reviewer's name), audited; append-only."""
        from slq_desk.desk import overview

        return overview.add_note(self.workspace, application_id, author, text)

    def dashboard(self) -> Dashboard:
        """Counts by status and policy, what is blocked by which finding, what waits for whom."""
        from slq_desk.desk import overview

        return overview.dashboard(self.workspace)

    def outputs(self, application_id: str) -> list[OutputFile]:
        """The application's opinions and notices on disk (to open or print), newest first."""
        from slq_desk.desk import overview

        return overview.outputs(self.workspace, application_id)
