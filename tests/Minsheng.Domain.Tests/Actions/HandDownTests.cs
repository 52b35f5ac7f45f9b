using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Actions;

/// <summary>市级交办: a city desk hands a waiting appeal down to one of its counties, and only there.</summary>
public class HandDownTests
{
    [Fact]
    public void Hand_down_moves_the_appeal_into_the_county_and_waits_for_its_desk()
    {
        var appeal = new AppealBuilder().At(AppealStatus.Registered);
        appeal.HandDown(OtherUnit, "乙县", "属地办理", Dispatcher, Perform.Later);
        appeal.JurisdictionId.ShouldBe(OtherUnit);
        appeal.Status.ShouldBe(AppealStatus.PendingDispatch);
        appeal.Timeline[^1].Comment.ShouldBe("交办至乙县：属地办理");
    }

    [Fact]
    public void Hand_down_to_a_unit_the_desk_does_not_cover_is_refused_naming_the_field()
    {
        var countyDesk = new Actor(5, "乙县派单员", Domain.Organization.Role.Dispatcher, OtherUnit, u => u == OtherUnit);
        var appeal = new AppealBuilder().At(AppealStatus.Registered);
        var ex = Should.Throw<DomainValidationException>(() => appeal.HandDown(CoUnit, "丙县", null, countyDesk, Perform.Later));
        ex.Errors.Keys.ShouldContain("countyId");
        Should.Throw<DomainValidationException>(() => appeal.HandDown(OtherUnit, "乙县", null, countyDesk, Perform.Later))
            .Errors.Keys.ShouldContain("countyId"); // its own unit is no "county below"
        appeal.Status.ShouldBe(AppealStatus.Registered);
    }
}
