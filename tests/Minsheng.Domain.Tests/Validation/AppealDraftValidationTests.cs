using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;

namespace Minsheng.Domain.Tests.Validation;

/// <summary>AppealDraft.Validate names every offending field at once.</summary>
public class AppealDraftValidationTests
{
    private static readonly AppealDraft Valid = Drafts.Valid();

    private static void ShouldFailOn(AppealDraft draft, params string[] fields) =>
        Should.Throw<DomainValidationException>(draft.Validate).Errors.Keys.ShouldBe(fields, ignoreOrder: true);

    [Fact]
    public void Valid_draft_passes() => Should.NotThrow(Valid.Validate);

    [Fact]
    public void Minimal_anonymous_draft_passes() =>
        Should.NotThrow((Valid with { Address = null, Latitude = null, Longitude = null, CitizenName = null, CitizenPhone = "  ", CitizenAddress = "" }).Validate);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_title_is_invalid(string title) => ShouldFailOn(Valid with { Title = title }, "title");

    [Fact]
    public void Title_at_max_length_passes() => Should.NotThrow((Valid with { Title = new string('路', AppealDraft.TitleMax) }).Validate);

    [Fact]
    public void Title_over_max_length_is_invalid() => ShouldFailOn(Valid with { Title = new string('路', AppealDraft.TitleMax + 1) }, "title");

    [Fact]
    public void Empty_content_is_invalid() => ShouldFailOn(Valid with { Content = " " }, "content");

    [Fact]
    public void Content_over_max_length_is_invalid() => ShouldFailOn(Valid with { Content = new string('字', AppealDraft.ContentMax + 1) }, "content");

    [Fact]
    public void Overlong_optional_texts_are_invalid() =>
        ShouldFailOn(Valid with
        {
            Address = new string('址', AppealDraft.AddressMax + 1),
            CitizenName = new string('名', AppealDraft.NameMax + 1),
            CitizenAddress = new string('址', AppealDraft.AddressMax + 1),
        }, "address", "citizenName", "citizenAddress");

    [Theory]
    [InlineData("13812341234")]
    [InlineData("0551-62345678")]
    [InlineData("055162345678")]
    [InlineData("010-1234567")]
    [InlineData(" 19912345678 ")]
    public void Mobile_and_landline_numbers_pass(string phone) => Should.NotThrow((Valid with { CitizenPhone = phone }).Validate);

    [Theory]
    [InlineData("12345")]
    [InlineData("1381234123a")]
    [InlineData("12812341234")]
    [InlineData("138123412345")]
    [InlineData("551-62345678")]
    [InlineData("+8613812341234")]
    public void Malformed_phone_is_invalid(string phone) => ShouldFailOn(Valid with { CitizenPhone = phone }, "citizenPhone");

    [Theory]
    [InlineData(-90.0, -180.0)]
    [InlineData(90.0, 180.0)]
    [InlineData(0.0, 0.0)]
    public void Coordinates_at_the_bounds_pass(double lat, double lon) =>
        Should.NotThrow((Valid with { Latitude = lat, Longitude = lon }).Validate);

    [Theory]
    [InlineData(-90.01, 0.0, "latitude")]
    [InlineData(90.01, 0.0, "latitude")]
    [InlineData(0.0, -180.01, "longitude")]
    [InlineData(0.0, 180.01, "longitude")]
    public void Coordinates_out_of_range_are_invalid(double lat, double lon, string field) =>
        ShouldFailOn(Valid with { Latitude = lat, Longitude = lon }, field);

    [Fact]
    public void Latitude_without_longitude_is_invalid() => ShouldFailOn(Valid with { Longitude = null }, "longitude");

    [Fact]
    public void Longitude_without_latitude_is_invalid() => ShouldFailOn(Valid with { Latitude = null }, "latitude");

    [Fact]
    public void Undefined_enums_are_invalid() =>
        ShouldFailOn(Valid with { Channel = (Channel)99, Type = (AppealType)99, Tier = (Tier)99 }, "channel", "type", "tier");

    [Fact]
    public void All_errors_are_reported_together() =>
        ShouldFailOn(Valid with { Title = "", Content = "", CitizenPhone = "12345", Latitude = 91 }, "title", "content", "citizenPhone", "latitude");

    [Fact]
    public void Register_validates_the_draft_and_creates_nothing_on_error() =>
        Should.Throw<DomainValidationException>(() =>
                Appeal.Register(Valid with { Title = "" }, "MS1", "QC1", Actors.Operator, AppealBuilder.T0))
            .Errors.Keys.ShouldBe(["title"]);

    [Fact]
    public void Register_trims_texts_and_stores_blank_optionals_as_null()
    {
        var appeal = Appeal.Register(Valid with { Title = "  路灯不亮 ", CitizenName = " ", CitizenPhone = null },
            "MS1", "QC1", Actors.Operator, AppealBuilder.T0);

        appeal.Title.ShouldBe("路灯不亮");
        appeal.CitizenName.ShouldBeNull();
        appeal.CitizenPhone.ShouldBeNull();
        appeal.IsAnonymous.ShouldBeTrue();
    }
}
