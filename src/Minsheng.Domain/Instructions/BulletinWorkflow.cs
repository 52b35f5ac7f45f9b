using Minsheng.Domain.Organization;

namespace Minsheng.Domain.Instructions;

/// <summary>A 《民意参考》 issue's life: drafted by analysts, checked by someone else, then issued to the leaders.</summary>
public enum BulletinStatus { Draft, Reviewed, Issued }

/// <summary>
/// The rules of a bulletin's workflow, pure so they can be tested without a database. Review is the four-eyes step:
/// a second analyst or a supervisor of the jurisdiction, never the author. Any change after review voids it.
/// </summary>
public static class BulletinWorkflow
{
    /// <summary>Who may draft and edit an issue.</summary>
    public static bool MayDraft(Role role) => role == Role.Analyst;

    /// <summary>Who may review (审核) and issue (签发) an issue.</summary>
    public static bool MayReviewOrIssue(Role role) => role is Role.Analyst or Role.Supervisor;

    /// <summary>The status after an edit; an issued bulletin is a sent document and cannot change.</summary>
    public static BulletinStatus Edit(BulletinStatus status) => status switch
    {
        BulletinStatus.Issued => throw new WorkflowConflictException("《民意参考》已签发", "已签发的《民意参考》不能再修改，如需更正请另出一期。"),
        _ => BulletinStatus.Draft,
    };

    public static BulletinStatus Review(BulletinStatus status, long authorId, long reviewerId, int itemCount)
    {
        if (status != BulletinStatus.Draft)
            throw new WorkflowConflictException("《民意参考》当前状态不能审核", status == BulletinStatus.Issued ? "本期已签发，不能再审核。" : "本期已审核，修改后才需要重新审核。");
        if (reviewerId == authorId)
            throw new WorkflowConflictException("不能审核自己起草的《民意参考》", "审核须由另一位分析员或督查员完成。");
        if (itemCount == 0)
            throw new WorkflowConflictException("《民意参考》没有内容", "本期还没有任何条目，不能提交审核。");
        return BulletinStatus.Reviewed;
    }

    public static BulletinStatus Issue(BulletinStatus status) => status switch
    {
        BulletinStatus.Reviewed => BulletinStatus.Issued,
        BulletinStatus.Draft => throw new WorkflowConflictException("《民意参考》尚未审核", "本期还是草稿，须经审核后才能签发。"),
        _ => throw new WorkflowConflictException("《民意参考》已签发", "本期已经签发，不能重复签发。"),
    };

    /// <summary>第 N 期: one more than the highest number issued by the jurisdiction in that year (numbers restart each year).</summary>
    public static int NextNumber(IEnumerable<int> issuedThisYear) => issuedThisYear.DefaultIfEmpty(0).Max() + 1;

    /// <summary>一、二、…: the item numbers of an official document (1–99).</summary>
    public static string ChineseOrdinal(int n)
    {
        if (n < 1 || n > 99) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string digits = "零一二三四五六七八九";
        if (n < 10) return digits[n].ToString();
        var (tens, ones) = (n / 10, n % 10);
        return (tens == 1 ? "" : digits[tens].ToString()) + "十" + (ones == 0 ? "" : digits[ones].ToString());
    }
}
