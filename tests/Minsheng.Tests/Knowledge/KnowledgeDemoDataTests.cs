using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Demo;
using Minsheng.Features.Knowledge;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Knowledge;

/// <summary>The demo county's knowledge base: seeded with the county, categorised, and found by how callers ask.</summary>
public sealed class KnowledgeDemoDataTests
{
    [Fact]
    public async Task The_demo_seeds_articles_that_answer_typical_calls()
    {
        await using var database = await TestDatabase.CreateAsync();
        var app = WebApp.Build([], database.Target);
        await WebApp.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(TextWriter.Null, default, appealCount: 10)).ShouldBeTrue();

        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var articles = await db.Set<KnowledgeArticle>().AsNoTracking().ToListAsync();
        articles.Count.ShouldBe(KnowledgeDemoData.Count);
        articles.Count.ShouldBeGreaterThanOrEqualTo(15);
        articles.ShouldAllBe(a => a.Active && a.CategoryId != null && a.Content.Length <= KnowledgeBase.ContentMax);

        var kb = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
        async Task<string?> Best(string call) => (await kb.SearchAsync(call, 1, default)).FirstOrDefault()?.Title;
        (await Best("家里突然停电了，找谁修")).ShouldNotBeNull().ShouldContain("停电");
        (await Best("我身份证丢了怎么补办")).ShouldNotBeNull().ShouldContain("身份证");
        (await Best("我妈住院花了一万多，想问医保能报销多少")).ShouldNotBeNull().ShouldContain("住院");
        (await Best("老人八十多岁了，高龄补贴怎么申请")).ShouldNotBeNull().ShouldContain("高龄");
        (await Best("老板拖欠工资三个月了")).ShouldNotBeNull().ShouldContain("拖欠工资");
        (await Best("请问怎么办理")).ShouldBeNull();
        await app.DisposeAsync();
    }
}
