using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Instructions;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Privacy;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Bulletins;

/// <summary>
/// 《民意参考》: analysts draft an issue for their jurisdiction and its items (from any appeals they can see, or a hot
/// topic's title and member ids), a second analyst or a supervisor reviews it, and it is issued to the jurisdiction's
/// leaders with the next number of the year. Leaders read issued ones only; a city's staff also see their counties'.
/// </summary>
public sealed class Bulletins(MinshengDb db, AuditedCommit commit, CurrentUser me, UnitTree units, TimeProvider clock,
    ItemFactsReader facts, AppealScope scope, AppealText appealText)
{
    public const int MaxItems = 20;

    private bool SeesDrafts => me.Role is Role.Analyst or Role.Supervisor;

    private IQueryable<Bulletin> Visible()
    {
        var subtree = units.Subtree(me.UnitId).ToArray();
        var q = db.Set<Bulletin>().Where(b => subtree.Contains(b.JurisdictionId));
        return SeesDrafts ? q : q.Where(b => b.Status == BulletinStatus.Issued);
    }

    public async Task<List<BulletinSummary>> ListAsync(CancellationToken ct)
    {
        var rows = await Visible().AsNoTracking().OrderByDescending(b => b.IssuedAt == null).ThenByDescending(b => b.Year)
            .ThenByDescending(b => b.Number).ThenByDescending(b => b.Id).Take(200).ToListAsync(ct);
        var ids = rows.Select(b => b.Id).ToArray();
        var counts = await db.Set<BulletinItem>().Where(i => ids.Contains(i.BulletinId)).GroupBy(i => i.BulletinId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return rows.Select(b => Summary(b, counts.GetValueOrDefault(b.Id))).ToList();
    }

    public async Task<BulletinView?> GetAsync(long id, CancellationToken ct)
    {
        var b = await Visible().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return null;
        var items = await db.Set<BulletinItem>().AsNoTracking().Where(i => i.BulletinId == id).OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(ct);
        return new BulletinView(Summary(b, items.Count), items.Select((i, n) => ItemView(i, n + 1)).ToList());
    }

    /// <summary>An item of an issued bulletin the caller may read (for an instruction on it), with its bulletin.</summary>
    public async Task<(BulletinItem Item, Bulletin Bulletin)?> IssuedItemAsync(long itemId, CancellationToken ct)
    {
        var visible = Visible().Where(b => b.Status == BulletinStatus.Issued);
        var found = await (from i in db.Set<BulletinItem>().AsNoTracking()
                           join b in visible.AsNoTracking() on i.BulletinId equals b.Id
                           where i.Id == itemId
                           select new { i, b }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.i, found.b);
    }

    public Task<BulletinSummary> CreateAsync(string? issuingOffice, CancellationToken ct)
    {
        RequireDrafter();
        new FieldErrors().Text("issuingOffice", issuingOffice, "编发单位", 60, required: false).ThrowIfAny();
        var jurisdiction = me.JurisdictionId;
        var office = string.IsNullOrWhiteSpace(issuingOffice) ? DefaultOffice(jurisdiction) : issuingOffice.Trim();
        return commit.RunAsync(async notes =>
        {
            var b = new Bulletin(jurisdiction, office, me.Id, me.DisplayName, clock.GetUtcNow());
            db.Add(b);
            await db.SaveChangesAsync(ct); // the answer names the new id
            notes.Record(AuditActions.BulletinCreate, b.Id.ToString(), $"jurisdiction={jurisdiction}");
            return Summary(b, 0);
        }, ct);
    }

    /// <summary>
    /// Drafts an item from a title and source appeals, the generic entry for hand-picked appeals and hot topics alike
    /// (a topic passes its title, member ids and reference). Null when the bulletin is not the caller's to see.
    /// </summary>
    public async Task<BulletinItemView?> AddItemAsync(long bulletinId, ItemDraftRequest request, CancellationToken ct)
    {
        RequireDrafter();
        var ids = request.AppealIds ?? [];
        var errors = new FieldErrors().Text("title", request.Title, "标题", 80).Text("topicRef", request.TopicRef, "来源", 100, required: false)
            .Text("problem", request.Problem, "问题概述", 2000, required: false).Text("recommendation", request.Recommendation, "建议", 2000, required: false);
        if (ids.Length == 0) errors.Add("appealIds", "请至少选择一件诉求。");
        else if (ids.Distinct().Count() > ItemFactsReader.MaxAppeals) errors.Add("appealIds", $"一个条目最多关联 {ItemFactsReader.MaxAppeals} 件诉求。");
        errors.ThrowIfAny();
        var (read, missing) = await facts.ReadAsync(ids, ct);
        if (read is null) throw new DomainValidationException("appealIds", $"诉求 {string.Join("、", missing.Take(5))} 不存在或不在您的管辖范围内。");
        return await commit.RunAsync(async notes =>
        {
            var b = await OwnDraftAsync(bulletinId, ct);
            if (b is null) return null;
            var count = await db.Set<BulletinItem>().CountAsync(i => i.BulletinId == b.Id, ct);
            if (count >= MaxItems) throw new DomainValidationException("title", $"一期最多 {MaxItems} 个条目。");
            b.Edited();
            var problem = string.IsNullOrWhiteSpace(request.Problem) ? DefaultProblem(read) : request.Problem;
            var item = new BulletinItem(b.Id, count + 1, request.Title!, problem, read, request.Recommendation ?? "", request.TopicRef?.Trim(), clock.GetUtcNow());
            db.Add(item);
            await db.SaveChangesAsync(ct); // the answer names the new id
            notes.Record(AuditActions.BulletinItemAdd, b.Id.ToString(), $"{request.Title} appeals={read.Appeals}{(request.TopicRef is { } t ? $" topic={t}" : "")}");
            return (BulletinItemView?)ItemView(item, count + 1);
        }, ct);
    }

    public async Task<BulletinItemView?> EditItemAsync(long bulletinId, long itemId, ItemEditRequest request, CancellationToken ct)
    {
        RequireDrafter();
        new FieldErrors().Text("title", request.Title, "标题", 80).Text("problem", request.Problem, "问题概述", 2000)
            .Text("handling", request.Handling, "办理情况", 2000).Text("recommendation", request.Recommendation, "建议", 2000, required: false).ThrowIfAny();
        return await commit.RunAsync(async notes =>
        {
            var b = await OwnDraftAsync(bulletinId, ct);
            var item = b is null ? null : await db.Set<BulletinItem>().FirstOrDefaultAsync(i => i.Id == itemId && i.BulletinId == b.Id, ct);
            if (b is null || item is null) return null;
            b.Edited();
            item.Edit(request.Title!, request.Problem!, request.Handling!, request.Recommendation ?? "");
            notes.Record(AuditActions.BulletinItemEdit, b.Id.ToString(), $"item={item.Id} {item.Title}");
            return (BulletinItemView?)ItemView(item, item.Position);
        }, ct);
    }

    public async Task<bool> RemoveItemAsync(long bulletinId, long itemId, CancellationToken ct)
    {
        RequireDrafter();
        return await commit.RunAsync(async notes =>
        {
            var b = await OwnDraftAsync(bulletinId, ct);
            var item = b is null ? null : await db.Set<BulletinItem>().FirstOrDefaultAsync(i => i.Id == itemId && i.BulletinId == b.Id, ct);
            if (b is null || item is null) return false;
            b.Edited();
            db.Remove(item);
            notes.Record(AuditActions.BulletinItemRemove, b.Id.ToString(), $"item={item.Id} {item.Title}");
            return true;
        }, ct);
    }

    public async Task<BulletinSummary?> ReviewAsync(long id, CancellationToken ct)
    {
        RequireReviewer();
        return await commit.RunAsync(async notes =>
        {
            var b = await Visible().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (b is null) return null;
            var count = await db.Set<BulletinItem>().CountAsync(i => i.BulletinId == b.Id, ct);
            b.Review(me.Id, me.DisplayName, count, clock.GetUtcNow());
            notes.Record(AuditActions.BulletinReview, b.Id.ToString());
            return Summary(b, count);
        }, ct);
    }

    /// <summary>Issues it with the next number of the year and tells the jurisdiction's leaders.</summary>
    public async Task<BulletinSummary?> IssueAsync(long id, CancellationToken ct)
    {
        RequireReviewer();
        return await commit.RunAsync(async notes =>
        {
            var b = await Visible().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (b is null) return null;
            var now = clock.GetUtcNow();
            var year = ChinaTime.ToChina(now).Year;
            var taken = await db.Set<Bulletin>().Where(x => x.JurisdictionId == b.JurisdictionId && x.Year == year && x.Number != null)
                .Select(x => x.Number!.Value).ToListAsync(ct);
            b.Issue(me.DisplayName, year, BulletinWorkflow.NextNumber(taken), now);
            var count = await db.Set<BulletinItem>().CountAsync(i => i.BulletinId == b.Id, ct);
            await db.SaveChangesAsync(ct); // a second issue of the same number fails here on the unique index (409)
            db.Notifications.Add(new Notification($"bulletin:{b.Id}", NotificationKind.BulletinIssued, Audience.Leaders, b.JurisdictionId, null, null,
                $"《民意参考》{BulletinNumbering.Label(b.Year, b.Number)}", $"{b.IssuingOffice}编发的《民意参考》{BulletinNumbering.Label(b.Year, b.Number)}（共 {count} 条）已签发，请阅示：/bulletins/{b.Id}",
                null, now));
            notes.Record(AuditActions.BulletinIssue, b.Id.ToString(), BulletinNumbering.Label(b.Year, b.Number));
            return Summary(b, count);
        }, ct);
    }

    /// <summary>Appeals to draw items from: suggestions (建议) by default, or any appeal matching the search; titles masked.</summary>
    public async Task<List<CandidateAppeal>> CandidatesAsync(string? q, CancellationToken ct)
    {
        var query = scope.Visible().AsNoTracking();
        // A search goes through the bigram index and looks among the newest appeals first (AppealTextSearch.NewestAsync):
        // ordering every match of a common term by time fetched all of them (17,000 rows for 噪音 at 1,000,000 appeals).
        var rows = string.IsNullOrWhiteSpace(q)
            ? await query.Where(a => a.Type == AppealType.Suggestion).OrderByDescending(a => a.CreatedAt).Take(50)
                .Select(a => new { a.Id, a.Number, a.Title, a.Type, a.Status, a.CitizenName, a.CreatedAt }).ToListAsync(ct)
            : (await AppealTextSearch.NewestAsync(AppealTextSearch.Matching(query, q.Trim(), db), db, 0, 50, ct))
                .Select(a => new { a.Id, a.Number, a.Title, a.Type, a.Status, a.CitizenName, a.CreatedAt }).ToList();
        return rows.Select(a => new CandidateAppeal(a.Id, a.Number, appealText.Show(a.Title, TextExposure.Masked, a.CitizenName),
            Labels.Type(a.Type), Labels.Status(a.Status), a.CreatedAt)).ToList();
    }

    private async Task<Bulletin?> OwnDraftAsync(long id, CancellationToken ct) =>
        await db.Set<Bulletin>().FirstOrDefaultAsync(b => b.Id == id && b.JurisdictionId == me.JurisdictionId, ct);

    private void RequireDrafter()
    {
        if (!BulletinWorkflow.MayDraft(me.Role)) throw new OutOfScopeException("只有分析员可以起草《民意参考》。");
    }

    private void RequireReviewer()
    {
        if (!BulletinWorkflow.MayReviewOrIssue(me.Role)) throw new OutOfScopeException("只有分析员或督查员可以审核、签发《民意参考》。");
    }

    private string DefaultOffice(long jurisdiction) => $"{units.NameOf(jurisdiction)}人民政府办公室";

    private static string DefaultProblem(ItemFacts f) => $"共有 {f.People} 位群众反映此问题（诉求 {f.Appeals} 件）。";

    private BulletinSummary Summary(Bulletin b, int items) =>
        new(b.Id, b.JurisdictionId, units.NameOf(b.JurisdictionId), b.Status, Labels.BulletinStatus(b.Status), b.Year, b.Number,
            BulletinNumbering.Label(b.Year, b.Number), b.IssuingOffice, items, b.AuthorName, b.CreatedAt, b.ReviewedBy, b.ReviewedAt, b.IssuedBy, b.IssuedAt);

    private static BulletinItemView ItemView(BulletinItem i, int n) =>
        new(i.Id, n, BulletinWorkflow.ChineseOrdinal(n), i.Title, i.Problem, i.PeopleCount, i.AppealCount, i.VoiceList, i.Handling, i.Recommendation, i.AppealIds, i.TopicRef);
}
