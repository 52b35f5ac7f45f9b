using Minsheng.Domain.Instructions;
using Minsheng.Domain.Organization;

namespace Minsheng.Domain.Tests.Instructions;

public sealed class BulletinWorkflowTests
{
    [Fact]
    public void Draft_is_reviewed_by_someone_else_then_issued()
    {
        var reviewed = BulletinWorkflow.Review(BulletinStatus.Draft, authorId: 1, reviewerId: 2, itemCount: 3);
        reviewed.ShouldBe(BulletinStatus.Reviewed);
        BulletinWorkflow.Issue(reviewed).ShouldBe(BulletinStatus.Issued);
    }

    [Theory]
    [InlineData(BulletinStatus.Draft, 1, 1, 3, "审核须由另一位分析员或督查员完成。")]
    [InlineData(BulletinStatus.Draft, 1, 2, 0, "本期还没有任何条目，不能提交审核。")]
    [InlineData(BulletinStatus.Reviewed, 1, 2, 3, "本期已审核，修改后才需要重新审核。")]
    [InlineData(BulletinStatus.Issued, 1, 2, 3, "本期已签发，不能再审核。")]
    public void Review_refusals_say_why(BulletinStatus status, long author, long reviewer, int items, string reason) =>
        Should.Throw<WorkflowConflictException>(() => BulletinWorkflow.Review(status, author, reviewer, items)).Reason.ShouldBe(reason);

    [Fact]
    public void Issue_needs_a_review_and_happens_once()
    {
        Should.Throw<WorkflowConflictException>(() => BulletinWorkflow.Issue(BulletinStatus.Draft)).Title.ShouldBe("《民意参考》尚未审核");
        Should.Throw<WorkflowConflictException>(() => BulletinWorkflow.Issue(BulletinStatus.Issued)).Title.ShouldBe("《民意参考》已签发");
    }

    [Fact]
    public void An_edit_sends_a_reviewed_draft_back_and_an_issued_one_is_final()
    {
        BulletinWorkflow.Edit(BulletinStatus.Reviewed).ShouldBe(BulletinStatus.Draft);
        BulletinWorkflow.Edit(BulletinStatus.Draft).ShouldBe(BulletinStatus.Draft);
        Should.Throw<WorkflowConflictException>(() => BulletinWorkflow.Edit(BulletinStatus.Issued));
    }

    [Fact]
    public void Numbers_follow_the_highest_issued_of_the_year()
    {
        BulletinWorkflow.NextNumber([]).ShouldBe(1);
        BulletinWorkflow.NextNumber([1, 2, 3]).ShouldBe(4);
        BulletinWorkflow.NextNumber([2, 5]).ShouldBe(6, "a gap is never reused, so a number cannot name two issues");
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(23, "二十三")]
    public void Items_are_numbered_in_chinese(int n, string ordinal) => BulletinWorkflow.ChineseOrdinal(n).ShouldBe(ordinal);

    [Fact]
    public void Analysts_draft_and_analysts_or_supervisors_review()
    {
        Enum.GetValues<Role>().Where(BulletinWorkflow.MayDraft).ShouldBe([Role.Analyst]);
        Enum.GetValues<Role>().Where(BulletinWorkflow.MayReviewOrIssue).ShouldBe([Role.Supervisor, Role.Analyst]);
    }
}
