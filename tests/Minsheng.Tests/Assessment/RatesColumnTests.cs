using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Assessment;
using Minsheng.Features.Assessment;

namespace Minsheng.Tests.Assessment;

/// <summary>
/// The ranking reads each stored row's rates from rates_json (migration 028), written with the detail; a row without
/// it (written before 028, had the migration's fill missed it) shows the same rates from its detail. Runs on the
/// engine under test.
/// </summary>
public sealed class RatesColumnTests(AssessmentWorld w) : IClassFixture<AssessmentWorld>
{
    private const string M = AssessmentWorld.Month;

    [Fact]
    public async Task The_rates_column_holds_the_details_rates_and_a_row_without_it_reads_the_same()
    {
        using var office = await w.App.ClientFor("supervisor");
        await office.Put("/api/assessment/scheme", new { minSample = 1 }).Expect(HttpStatusCode.OK);
        await office.Post("/api/assessment/cycle", new { month = M, action = "draft" }).Expect(HttpStatusCode.OK);

        var rows = await w.With(async sp =>
        {
            var db = sp.GetRequiredService<MinshengDb>();
            var id = await db.Set<AssessmentPeriod>().Where(p => p.JurisdictionId == w.Tc.County.Id && p.Month == M).Select(p => p.Id).SingleAsync();
            return await db.Set<AssessmentRow>().AsNoTracking().Where(r => r.PeriodId == id).ToListAsync();
        });
        rows.ShouldNotBeEmpty();
        foreach (var r in rows)
        {
            r.RatesJson.ShouldNotBeNull();
            var fromDetail = ScoreDetail.FromJson(r.DetailJson).Rates;
            fromDetail.ShouldNotBeEmpty();
            ScoreDetail.RatesFromJson(r.RatesJson).ShouldBe(fromDetail);
            r.RatesJson.Length.ShouldBeLessThan(r.DetailJson.Length);
        }

        var housing = rows.Single(r => r.UnitId == w.Tc.Housing.Id);
        var before = Rates(await office.Expect($"/api/assessment/ranking?month={M}"), housing.UnitId);
        before.AsArray().Count.ShouldBe(ScoreDetail.FromJson(housing.DetailJson).Rates.Count);
        await w.With(sp => sp.GetRequiredService<MinshengDb>().Set<AssessmentRow>().Where(r => r.Id == housing.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RatesJson, (string?)null)));
        var after = Rates(await office.Expect($"/api/assessment/ranking?month={M}"), housing.UnitId);
        after.ToJsonString().ShouldBe(before.ToJsonString());
    }

    private static JsonNode Rates(JsonNode ranking, long unitId) =>
        ranking["groups"]!.AsArray().SelectMany(g => g!["units"]!.AsArray()).Single(u => u!["unitId"]!.GetValue<long>() == unitId)!["rates"]!;
}
