using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Assessment;
using Minsheng.Features.Assessment;

namespace Minsheng.Tests.Assessment;

/// <summary>
/// The monthly loop over the API on the engine under test: draft, a unit head contests items, the office rules (an
/// upheld 申诉 raises the score before freezing, a rejected one does not), freeze (the snapshot ignores later changes),
/// publish (units and the portal see the boards), and another county sees none of it.
/// </summary>
public sealed class AssessmentLoopTests(AssessmentWorld w) : IClassFixture<AssessmentWorld>
{
    private const string M = AssessmentWorld.Month;

    [Fact]
    public async Task The_month_goes_from_draft_through_appeals_to_a_frozen_published_ranking()
    {
        using var office = await w.App.ClientFor("supervisor");
        using var head = await w.App.ClientFor("housing-head");
        using var handler = await w.App.ClientFor("housing-handler");
        using var anonymous = w.App.Anonymous();
        // Four callbacks are too few for the default minimum sample: this county scores on any n.
        await office.Put("/api/assessment/scheme", new { minSample = 1 }).Expect(HttpStatusCode.OK);

        var draft = await office.Post("/api/assessment/cycle", new { month = M, action = "draft" }).Expect(HttpStatusCode.OK);
        draft["status"]!.GetValue<string>().ShouldBe("Draft");
        await head.Expect($"/api/assessment/sheet?month={M}", HttpStatusCode.NotFound); // units wait for the window
        await office.Post("/api/assessment/cycle", new { month = M, action = "open" }).Expect(HttpStatusCode.OK);
        (await head.Expect("/api/notifications")).AsArray().Select(n => n!["title"]!.GetValue<string>()).ShouldContain($"{M} 考核草稿");

        var sheet = await head.Expect($"/api/assessment/sheet?month={M}");
        var before = Score(sheet);
        var misses = sheet["items"]!.AsArray().Where(i => i!["kind"]!.GetValue<string>() == "MetricMiss").Select(i => i!["key"]!.GetValue<string>()).ToList();
        misses.Count.ShouldBeGreaterThanOrEqualTo(2, "住建局's unsatisfied callbacks and lateness cost it points");
        var satisfaction = misses.First(k => k.StartsWith("m:Satisfaction:"));
        var other = misses.First(k => k != satisfaction);

        // Only the unit head contests, only an item of the sheet, with evidence.
        await handler.Post("/api/assessment/appeals", new { month = M, itemKey = satisfaction, reason = "不属本单位职责", evidence = "合同" }).Expect(HttpStatusCode.Forbidden);
        (await head.Post("/api/assessment/appeals", new { month = M, itemKey = "s:999999", reason = "x", evidence = "y" }).Expect(HttpStatusCode.BadRequest))["errors"]!["itemKey"].ShouldNotBeNull();
        (await head.Post("/api/assessment/appeals", new { month = M, itemKey = satisfaction, reason = "不属本单位职责" }).Expect(HttpStatusCode.BadRequest))["errors"]!["evidence"].ShouldNotBeNull();
        var upheldId = (await head.Post("/api/assessment/appeals", new { month = M, itemKey = satisfaction, reason = "该诉求属物业合同纠纷，不在本单位职责范围。", evidence = "物业服务合同" })
            .Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();
        await head.Post("/api/assessment/appeals", new { month = M, itemKey = satisfaction, reason = "再次申诉", evidence = "同上" }).Expect(HttpStatusCode.Conflict);
        var rejectedId = (await head.Post("/api/assessment/appeals", new { month = M, itemKey = other, reason = "群众要求超出政策范围。", evidence = "政策文件" })
            .Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();
        (await office.Expect("/api/assessment/appeals?pending=true")).AsArray().Count.ShouldBe(2);

        // Closing the window with appeals pending: freezing waits for the rulings.
        await office.Post("/api/assessment/cycle", new { month = M, action = "close" }).Expect(HttpStatusCode.OK);
        await office.Post("/api/assessment/cycle", new { month = M, action = "freeze" }).Expect(HttpStatusCode.Conflict);

        (await office.Post("/api/assessment/rulings", new { appealId = rejectedId, uphold = false }).Expect(HttpStatusCode.BadRequest))["errors"]!["ruling"].ShouldNotBeNull();
        await office.Post("/api/assessment/rulings", new { appealId = rejectedId, uphold = false, ruling = "回访录音显示未按约定上门，理由不成立。" }).Expect(HttpStatusCode.OK);
        Score(await head.Expect($"/api/assessment/sheet?month={M}")).ShouldBe(before, "a rejected appeal changes nothing");

        var upheld = await office.Post("/api/assessment/rulings", new { appealId = upheldId, uphold = true, ruling = "经核实属民事纠纷，予以核减。" }).Expect(HttpStatusCode.OK);
        upheld["status"]!.GetValue<string>().ShouldBe("Upheld");
        var after = await head.Expect($"/api/assessment/sheet?month={M}");
        Score(after).ShouldBeGreaterThan(before, "the upheld item left the 满意率 before freezing");
        after["items"]!.AsArray().Single(i => i!["key"]!.GetValue<string>() == satisfaction)!["exempt"]!.GetValue<string>().ShouldBe("UpheldAppeal");
        after["score"]!["rates"]!.AsArray().Single(r => r!["metric"]!.GetValue<string>() == "Satisfaction")!["exempted"]!.GetValue<int>().ShouldBe(1);
        (await head.Expect("/api/notifications")).AsArray().Select(n => n!["title"]!.GetValue<string>()).ShouldContain("申诉审核结果：申诉成立");

        await office.Post("/api/assessment/cycle", new { month = M, action = "freeze" }).Expect(HttpStatusCode.OK);
        var frozen = await StoredAsync();

        // Later changes: a force majeure over the whole month, and a ruling attempt. Live data moves; the snapshot does not.
        await office.Post("/api/assessment/force-majeure", new { from = "2026-11-01", to = "2026-11-30", reason = "特大暴雨" }).Expect(HttpStatusCode.OK);
        await office.Post("/api/assessment/rulings", new { appealId = upheldId, uphold = false, ruling = "改判" }).Expect(HttpStatusCode.Conflict);
        await office.Post("/api/assessment/cycle", new { month = M, action = "recompute" }).Expect(HttpStatusCode.Conflict);
        (await StoredAsync()).ShouldBe(frozen);
        var live = await w.With(async sp =>
        {
            var db = sp.GetRequiredService<MinshengDb>();
            var p = await db.Set<AssessmentPeriod>().SingleAsync(x => x.JurisdictionId == w.Tc.County.Id && x.Month == M);
            var scores = await sp.GetRequiredService<AssessmentSource>().ScoreAsync(p.JurisdictionId, M, AssessmentScheme.FromJson(p.SchemeJson), p.Id, default);
            return scores.Single(s => s.UnitId == w.Tc.Housing.Id).Score;
        });
        live.ShouldNotBe(frozen[w.Tc.Housing.Id], "recomputed now, the force majeure would change the score");

        // Units see rankings only once published; then the portal shows the boards.
        await head.Expect($"/api/assessment/ranking?month={M}", HttpStatusCode.NotFound);
        (await anonymous.Expect("/api/public/ranking")).AsArray().ShouldBeEmpty();
        await office.Post("/api/assessment/cycle", new { month = M, action = "publish" }).Expect(HttpStatusCode.OK);
        var ranking = await head.Expect($"/api/assessment/ranking?month={M}");
        ranking["groups"]!.AsArray().SelectMany(g => g!["units"]!.AsArray()).Select(u => u!["unitName"]!.GetValue<string>()).ShouldContain(w.Tc.Housing.Name);
        var boards = (await anonymous.Expect("/api/public/ranking")).AsArray();
        boards.Single()!["month"]!.GetValue<string>().ShouldBe(M);
        (await anonymous.GetStringAsync("/ranking")).ShouldContain(w.Tc.Housing.Name);
        var xlsx = await office.GetAsync($"/api/assessment/ranking.xlsx?month={M}");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray());
        var quarter = await office.Expect("/api/assessment/rollup?period=2026-Q4");
        quarter["months"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe([M]);
        quarter["rows"]!.AsArray().Single(r => r!["unitId"]!.GetValue<long>() == w.Tc.Housing.Id)!["average"]!.GetValue<double>().ShouldBe(frozen[w.Tc.Housing.Id]!.Value);

        // Another county sees nothing of it and cannot act on it.
        using var yi = await w.App.ClientFor("yi-supervisor");
        using var yiLeader = await w.App.ClientFor("yi-leader");
        await yi.Expect($"/api/assessment/ranking?jurisdictionId={w.Tc.County.Id}&month={M}", HttpStatusCode.NotFound);
        await yiLeader.Expect($"/api/assessment/ranking?jurisdictionId={w.Tc.County.Id}&month={M}", HttpStatusCode.NotFound);
        (await yi.Expect("/api/assessment/appeals")).AsArray().ShouldBeEmpty();
        await yi.Post("/api/assessment/cycle", new { month = M, action = "publish", jurisdictionId = w.Tc.County.Id }).Expect(HttpStatusCode.Forbidden);
        await yi.Expect($"/api/assessment/appeals/evidence?id={upheldId}", HttpStatusCode.NotFound);
        (await yiLeader.GetStringAsync($"/assessment?j={w.Tc.County.Id}&month={M}")).ShouldNotContain(w.Tc.Housing.Name);
        (await yiLeader.GetStringAsync("/dashboard")).ShouldNotContain(w.Tc.Housing.Name);
    }

    private static double Score(JsonNode sheet) => sheet["score"]!["score"]!.GetValue<double>();

    private Task<Dictionary<long, double?>> StoredAsync() => w.With(async sp =>
    {
        var db = sp.GetRequiredService<MinshengDb>();
        var id = await db.Set<AssessmentPeriod>().Where(p => p.JurisdictionId == w.Tc.County.Id && p.Month == M).Select(p => p.Id).SingleAsync();
        return await db.Set<AssessmentRow>().Where(r => r.PeriodId == id).ToDictionaryAsync(r => r.UnitId, r => r.Score);
    });
}
