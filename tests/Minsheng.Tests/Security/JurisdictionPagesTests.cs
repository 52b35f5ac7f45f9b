using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

/// <summary>
/// Supervision orders and leads belong to the jurisdiction of their appeal: a township's supervisor neither
/// lists nor acts on the county's others. Also the form inputs the review found could end in a 500.
/// </summary>
public sealed class JurisdictionPagesTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task A_township_supervisor_sees_only_orders_on_appeals_in_the_township()
    {
        var county = shared.App.County;
        using var admin = await shared.App.ClientFor("admin");
        await admin.Post("/api/users", new { username = "town1-supervisor", displayName = "城关镇督查员", role = "Supervisor", unitId = county.Town1.Id, password = TestApp.Password })
            .Expect(HttpStatusCode.Created);
        using var desk = await shared.App.ClientFor("dispatcher");
        var inTown1 = await desk.NewAppeal(county, new { regionUnitId = county.Village1.Id, title = "辖区内：路灯不亮" });
        var inTown2 = await desk.NewAppeal(county, new { regionUnitId = county.Town2.Id, title = "辖区外：路灯不亮" });
        using var supervisor = await shared.App.ClientFor("supervisor");
        foreach (var id in new[] { inTown1, inTown2 })
            await supervisor.Post($"/api/appeals/{id}/supervision-orders", new { kind = "SupervisionOrder", instruction = "请三日内办结。", dueAt = "2026-11-20T17:00:00+08:00" })
                .Expect(HttpStatusCode.Created);

        using var town = await shared.App.ClientFor("town1-supervisor");
        var orders = (await town.Expect("/api/supervision-orders")).AsArray().Select(o => o!["appealId"]!.GetValue<long>()).ToList();
        orders.ShouldContain(inTown1);
        orders.ShouldNotContain(inTown2);
        var all = (await supervisor.Expect("/api/supervision-orders")).AsArray().Select(o => o!["appealId"]!.GetValue<long>()).ToList();
        all.ShouldContain(inTown2);
        (await town.GetStringAsync("/supervise/orders")).ShouldNotContain("辖区外");
    }

    [Theory]
    [InlineData("/appeals?from=0001-01-01", "operator")]
    [InlineData("/appeals?to=9999-12-31", "operator")]
    [InlineData("/unit/ledger?from=0001-01-01&to=0001-01-02", "housing-handler")]
    [InlineData("/cases?p=2147483647", null)]
    [InlineData("/publicity?p=2147483647", "publicity")]
    [InlineData("/supervise?p=2147483647", "supervisor")]
    public async Task Extreme_dates_and_page_numbers_get_an_answer_not_a_500(string path, string? user)
    {
        using var client = user is null ? shared.App.Anonymous() : await shared.App.ClientFor(user);
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        if (path.Contains("0001") || path.Contains("9999")) (await response.Content.ReadAsStringAsync()).ShouldContain("日期应在 2000 年至 2100 年之间");
    }

    [Fact]
    public async Task A_huge_page_number_on_the_public_case_list_is_a_field_error()
    {
        var problem = await shared.App.Anonymous().GetAsync("/api/public/cases?page=2147483647").Expect(HttpStatusCode.BadRequest);
        problem["errors"]!["page"].ShouldNotBeNull();
    }
}
