using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Privacy;
using Minsheng.Domain.Tests.TestKit;

namespace Minsheng.Domain.Tests.Privacy;

/// <summary>举报人保密: the unit an appeal is about, and its subtree, never see the complainant.</summary>
public class ConfidentialityTests
{
    // County(1) ⊃ Bureau(10) ⊃ Station(11) ⊃ Team(12);  County ⊃ Township(20)
    private const long County = 1, Bureau = 10, Station = 11, Team = 12, Township = 20;

    private static readonly Dictionary<long, long> Parent = new() { [Bureau] = County, [Station] = Bureau, [Team] = Station, [Township] = County };

    private static bool IsWithin(long unit, long ancestor)
    {
        for (long? u = unit; u is { } id; u = Parent.TryGetValue(id, out var p) ? p : null)
            if (id == ancestor) return true;
        return false;
    }

    private static Appeal About(long subject, AppealType type = AppealType.Complaint) =>
        new AppealBuilder().WithType(type).WithSubject(subject).NewAppeal();

    [Fact]
    public void IsWithin_helper_follows_parent_links()
    {
        IsWithin(Team, County).ShouldBeTrue();
        IsWithin(Station, Station).ShouldBeTrue();
        IsWithin(Bureau, Station).ShouldBeFalse();
        IsWithin(Township, Bureau).ShouldBeFalse();
    }

    [Theory]
    [InlineData(Station)]
    [InlineData(Team)]
    public void Viewer_in_the_subject_units_subtree_may_not_see(long viewerUnit) =>
        Confidentiality.MaySeeComplainant(About(Station), Role.UnitHead, viewerUnit, IsWithin).ShouldBeFalse();

    [Theory]
    [InlineData(Role.Dispatcher)]
    [InlineData(Role.Supervisor)]
    [InlineData(Role.Leader)]
    public void Subject_subtree_is_blind_whatever_the_role(Role role) =>
        Confidentiality.MaySeeComplainant(About(Bureau), role, Team, IsWithin).ShouldBeFalse();

    [Theory]
    [InlineData(Bureau)]
    [InlineData(County)]
    public void Viewer_at_an_ancestor_of_the_subject_may_see(long viewerUnit) =>
        Confidentiality.MaySeeComplainant(About(Station), Role.UnitHead, viewerUnit, IsWithin).ShouldBeTrue();

    [Fact]
    public void Viewer_in_an_unrelated_branch_may_see() =>
        Confidentiality.MaySeeComplainant(About(Station), Role.UnitHandler, Township, IsWithin).ShouldBeTrue();

    [Fact]
    public void Report_about_a_unit_hides_from_that_unit_but_not_from_others()
    {
        var report = About(Bureau, AppealType.Report);
        Confidentiality.MaySeeComplainant(report, Role.UnitHandler, Station, IsWithin).ShouldBeFalse();
        Confidentiality.MaySeeComplainant(report, Role.UnitHandler, Township, IsWithin).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Role.UnitHandler, false)]
    [InlineData(Role.UnitHead, false)]
    [InlineData(Role.Dispatcher, true)]
    [InlineData(Role.Operator, true)]
    [InlineData(Role.Supervisor, true)]
    public void Report_without_subject_hides_from_all_unit_staff(Role role, bool maySee)
    {
        var report = new AppealBuilder().WithType(AppealType.Report).NewAppeal();
        Confidentiality.MaySeeComplainant(report, role, Township, IsWithin).ShouldBe(maySee);
    }

    [Fact]
    public void Ordinary_appeal_without_subject_is_visible_to_unit_staff()
    {
        var appeal = new AppealBuilder().NewAppeal();
        appeal.IsConfidential.ShouldBeFalse();
        Confidentiality.MaySeeComplainant(appeal, Role.UnitHandler, Station, IsWithin).ShouldBeTrue();
    }

    [Fact]
    public void Reports_and_appeals_about_a_unit_are_confidential()
    {
        new AppealBuilder().WithType(AppealType.Report).NewAppeal().IsConfidential.ShouldBeTrue();
        About(Station).IsConfidential.ShouldBeTrue();
    }
}
