using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Privacy;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

public sealed record PublicationCandidate(long AppealId, string Number, string Title, string Type, string? Category, string? Unit, DateTimeOffset? ClosedAt);

/// <summary>What would be published: the appeal's texts with personal data already removed.</summary>
public sealed record CasePreview(long AppealId, string Number, string Title, string Content, string Reply, string? Category, string? Unit,
    DateTimeOffset ReceivedAt, DateTimeOffset? RepliedAt, DateTimeOffset? ClosedAt);

/// <summary>Title, content and reply are the officer's edits of the preview; any left out take the preview's text.</summary>
public sealed record PublishRequest(long? AppealId, string? Title, string? Content, string? Reply);

public sealed record PublishedCaseRow(long Id, long AppealId, string Number, string Title, string? Unit, DateTimeOffset PublishedAt, string PublishedBy);

public enum PublishOutcome
{
    Published,
    NotFound,
    AlreadyPublished,
}

/// <summary>
/// 案例公开 for the publicity officer: closed, answered appeals within their scope become redacted public cases.
/// The redaction runs again on whatever the officer submits, so an edit cannot bring a phone number back.
/// </summary>
public sealed class Publicity(MinshengDb db, AppealScope scope, UnitTree units, CurrentUser me, AuditedCommit commit, TimeProvider clock, AppealText appealText)
{
    public const int MaxSize = 100;

    private IQueryable<Appeal> Publishable() => scope.Visible().Where(a => a.Status == AppealStatus.Closed && a.Reply != null);

    /// <summary>
    /// Closed appeals not yet published. Appeals the desk closed with a direct answer (no unit handled them) are left
    /// out unless asked for with directAnswers: the officer then chooses them deliberately, one by one.
    /// </summary>
    public async Task<Page<PublicationCandidate>> CandidatesAsync(string? q, int? page, int? size, CancellationToken ct, bool directAnswers = false)
    {
        var (p, s) = Paging(q, page, size);
        var published = db.Set<PublishedCase>().Select(c => c.AppealId);
        // Closed by its direct answer: the closing step is that answer (a later reopen and normal close is a normal case).
        var direct = db.Timeline.Where(t => t.Action == AppealAction.DirectAnswer);
        var query = Publishable().Where(a => !published.Contains(a.Id))
            .Where(a => direct.Any(t => t.AppealId == a.Id && t.At == a.ClosedAt) == directAnswers);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(a => a.Number == term || a.Title.Contains(term) || a.Content.Contains(term) || a.Reply!.Contains(term));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.AsNoTracking().OrderByDescending(a => a.ClosedAt).ThenByDescending(a => a.Id).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        var categories = await CategoryNamesAsync(rows.Select(a => a.CategoryId), ct);
        return new Page<PublicationCandidate>(rows.Select(a => new PublicationCandidate(a.Id, a.Number, Redact(a.Title, a.CitizenName), Labels.Type(a.Type),
            a.CategoryId is { } c ? categories.GetValueOrDefault(c) : null, UnitName(a), a.ClosedAt)).ToList(), total, p, s);
    }

    public async Task<Page<PublishedCaseRow>> PublishedAsync(string? q, int? page, int? size, CancellationToken ct)
    {
        var (p, s) = Paging(q, page, size);
        var visible = scope.Visible();
        var query = from c in db.Set<PublishedCase>()
                    join a in visible on c.AppealId equals a.Id
                    select new { Case = c, a.Number };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(x => x.Number == term || x.Case.Title.Contains(term) || x.Case.Content.Contains(term));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.AsNoTracking().OrderByDescending(x => x.Case.PublishedAt).ThenByDescending(x => x.Case.Id).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<PublishedCaseRow>(rows.Select(x => new PublishedCaseRow(x.Case.Id, x.Case.AppealId, x.Number, x.Case.Title, x.Case.UnitName,
            x.Case.PublishedAt, x.Case.PublishedBy)).ToList(), total, p, s);
    }

    /// <summary>The redacted preview, or null when the appeal is outside the scope, not closed or has no reply.</summary>
    public async Task<CasePreview?> PreviewAsync(long appealId, CancellationToken ct)
    {
        var a = await Publishable().AsNoTracking().FirstOrDefaultAsync(x => x.Id == appealId, ct);
        if (a is null) return null;
        var category = (await CategoryNamesAsync([a.CategoryId], ct)).Values.FirstOrDefault();
        return new CasePreview(a.Id, a.Number, Redact(a.Title, a.CitizenName), Redact(a.Content, a.CitizenName),
            Redact(a.Reply, a.CitizenName), category, UnitName(a), a.CreatedAt, a.RepliedAt, a.ClosedAt);
    }

    /// <summary>Publication removes personal data through the same function as every staff view; directory phones stay.</summary>
    private string Redact(string? text, string? name) => appealText.Show(text, TextExposure.Removed, name);

    public Task<bool> IsPublishedAsync(long appealId, CancellationToken ct) => db.Set<PublishedCase>().AnyAsync(c => c.AppealId == appealId, ct);

    public async Task<(PublishOutcome Outcome, PublishedCase? Case)> PublishAsync(PublishRequest body, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Text("title", body.Title, "标题", AppealDraft.TitleMax, required: false)
            .Text("content", body.Content, "诉求内容", AppealDraft.ContentMax, required: false)
            .Text("reply", body.Reply, "答复内容", AppealDraft.ContentMax, required: false);
        if (body.AppealId is null) errors.Add("appealId", "请选择要公开的诉求。");
        // An empty string is an edit that removed everything, not a field left out.
        foreach (var (field, value, label) in new[] { ("title", body.Title, "标题"), ("content", body.Content, "诉求内容"), ("reply", body.Reply, "答复内容") })
            if (value is not null && string.IsNullOrWhiteSpace(value)) errors.Add(field, $"{label}不能为空。");
        errors.ThrowIfAny();

        try
        {
            return await commit.RunAsync<(PublishOutcome, PublishedCase?)>(async notes =>
            {
                var appeal = await scope.Visible().AsNoTracking().FirstOrDefaultAsync(a => a.Id == body.AppealId, ct);
                if (appeal is null) return (PublishOutcome.NotFound, null);
                if (appeal.Status != AppealStatus.Closed || appeal.Reply is null)
                    throw new DomainValidationException("appealId", "只有已办结并有答复的诉求可以公开。");
                if (await IsPublishedAsync(appeal.Id, ct)) return (PublishOutcome.AlreadyPublished, null);

                var preview = (await PreviewAsync(appeal.Id, ct))!;
                var name = appeal.CitizenName;
                var row = new PublishedCase(appeal.Id,
                    Redact(body.Title?.Trim() ?? preview.Title, name), Redact(body.Content?.Trim() ?? preview.Content, name),
                    Redact(body.Reply?.Trim() ?? preview.Reply, name), preview.Category, preview.Unit,
                    appeal.CreatedAt, appeal.RepliedAt, appeal.ClosedAt, clock.GetUtcNow(), me.DisplayName);
                db.Set<PublishedCase>().Add(row);
                notes.Record(AuditActions.CasePublish, appeal.Number, row.Title);
                return (PublishOutcome.Published, row);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Two publications at once: the unique appeal_id lets only the first in.
            db.ChangeTracker.Clear();
            if (await IsPublishedAsync(body.AppealId!.Value, ct)) return (PublishOutcome.AlreadyPublished, null);
            throw;
        }
    }

    /// <summary>Takes a case off the portal; false when there is no such case within the officer's scope.</summary>
    public Task<bool> UnpublishAsync(long caseId, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            var row = await db.Set<PublishedCase>().FirstOrDefaultAsync(c => c.Id == caseId, ct);
            if (row is null) return false;
            var number = await scope.Visible().Where(a => a.Id == row.AppealId).Select(a => a.Number).FirstOrDefaultAsync(ct);
            if (number is null) return false;
            db.Set<PublishedCase>().Remove(row);
            notes.Record(AuditActions.CaseUnpublish, number, row.Title);
            return true;
        }, ct);

    private string? UnitName(Appeal a) => a.LeadUnitId is { } u ? units.NameOf(u) : null;

    private async Task<Dictionary<long, string>> CategoryNamesAsync(IEnumerable<long?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<long>().Distinct().ToList();
        return wanted.Count == 0 ? [] : await db.Categories.AsNoTracking().Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    private static (int Page, int Size) Paging(string? q, int? page, int? size)
    {
        var errors = new FieldErrors();
        if (page is < 1 or > Appeals.AppealFilter.MaxPage) errors.Add("page", $"页码应在 1 到 {Appeals.AppealFilter.MaxPage} 之间。");
        if (size is < 1 or > MaxSize) errors.Add("size", $"每页条数应在 1 到 {MaxSize} 之间。");
        errors.Text("q", q, "搜索词", 100, required: false);
        errors.ThrowIfAny();
        return (page ?? 1, size ?? 20);
    }
}
