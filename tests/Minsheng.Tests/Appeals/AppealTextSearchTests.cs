using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Appeals;
using Minsheng.Tests.Infrastructure;
using Minsheng.TestSupport;

namespace Minsheng.Tests.Appeals;

/// <summary>
/// The appeal list's text search goes through an index of character bigrams (migration 024) and must answer exactly
/// what "number = q or title contains q or content contains q" answers: one-, two- and longer Chinese terms, ASCII in
/// either case, mixed text, punctuation and whatever FTS5 or tsquery syntax a user may type. Runs on whichever engine
/// ./test picks (the SQLite FTS5 table and the PostgreSQL GIN index are different code paths).
/// </summary>
public sealed class AppealTextSearchTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly (string Title, string Content)[] Texts =
    [
        ("搜索测试：南关小区噪音扰民", "晚上十点以后搅拌站的噪音很大，影响休息。"),
        ("搜索测试：物业不作为", "小区物业对电梯故障不管不问，请督促物业公司处理"),
        ("搜索测试：路灯不亮", "王庄村村口路灯 不亮（中间有空格），最后一个字是噪"),
        ("搜索测试：ABC公司拖欠工资", "abc 与 Abc 的写法都出现；B栋3单元 the NEAR road"),
        ("搜索测试：标点符号", "“噪音”！！……他说：\"太吵了\" * - OR AND NOT ( ) ^ title:噪音 ' \\ 100% a_b"),
        ("搜索测试：表情🚧施工", "道路施工围挡🚧占道，𠀀生僻字也要能搜到"),
        ("噪", "噪"),
    ];

    private static readonly string[] Terms =
    [
        "噪", "音", "噪音", "噪音扰民", "物业", "路灯不亮", "路灯 不亮", "灯不", "最后一个字是噪", "是噪", "文",
        "ABC", "abc", "Abc", "aBC", "a", "B", "B栋3单元", "3单元", "NEAR", "near", "the NEAR road",
        "“噪音”", "\"噪音\"", "\"", "\"太吵了\"", "*", "噪*", "-", "噪 - 音", "OR", "噪音 OR 物业", "AND", "NOT", "(", ")",
        "^", ":", "title:噪音", "'", "\\", "%", "100%", "_", "a_b", "！！", "……", "。", ".", "..", "🚧", "围挡🚧", "𠀀", "𠀀生",
        "搜索测试", "不存在的词语", new string('噪', 100),
    ];

    [Fact]
    public async Task Every_term_finds_exactly_what_a_plain_contains_finds()
    {
        using var desk = await shared.App.ClientFor("dispatcher");
        foreach (var (title, content) in Texts) await desk.NewAppeal(shared.App.County, new { title, content });

        using var scope = shared.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        // The reference is computed in .NET (ordinal, case-sensitive, as instr and strpos are) over every appeal.
        var all = await db.Appeals.AsNoTracking().Select(a => new { a.Id, a.Number, a.Title, a.Content }).ToListAsync();
        all.Count.ShouldBeGreaterThanOrEqualTo(Texts.Length);
        // Terms of digits may also be an appeal's number (受理编号 are digits only; other terms skip that test on PostgreSQL).
        foreach (var term in Terms.Append(all[^1].Number).Append(all[^1].Number[..4]).Append("3").Append("100"))
        {
            var expected = all.Where(a => a.Number == term || a.Title.Contains(term, StringComparison.Ordinal) || a.Content.Contains(term, StringComparison.Ordinal))
                .Select(a => a.Id).Order().ToList();
            var found = await AppealTextSearch.Matching(db.Appeals, term, db).Select(a => a.Id).OrderBy(id => id).ToListAsync();
            found.ShouldBe(expected, $"term «{term}»");
        }
        // The fixtures really exercise the index: these terms match something.
        foreach (var term in new[] { "噪", "噪音", "路灯不亮", "abc", "ABC", "🚧", "𠀀", "\"太吵了\"", "是噪" })
            all.Count(a => a.Title.Contains(term, StringComparison.Ordinal) || a.Content.Contains(term, StringComparison.Ordinal)).ShouldBePositive($"term «{term}»");
    }

    [Fact]
    public async Task Nothing_typed_into_the_list_search_fails_and_the_list_answers_as_before()
    {
        using var desk = await shared.App.ClientFor("dispatcher");
        await desk.NewAppeal(shared.App.County, new { title = "搜索列表测试：楼道噪音", content = "楼上装修噪音" });
        foreach (var term in Terms.Append("噪\0音").Append("NEAR(噪 音)").Append("{噪音}").Append("噪音 NOT 物业"))
        {
            using var response = await desk.GetAsync($"/api/appeals?q={Uri.EscapeDataString(term)}");
            // A NUL cannot reach PostgreSQL: the existing handler answers 400 there; everything else is an ordinary page.
            var ok = response.StatusCode == HttpStatusCode.OK || (term.Contains('\0') && response.StatusCode == HttpStatusCode.BadRequest);
            ok.ShouldBeTrue($"term «{term}» answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var page = await desk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?q={Uri.EscapeDataString("搜索列表测试")}");
        page.Total.ShouldBe(1);
        (await desk.GetAsync($"/appeals?q={Uri.EscapeDataString("\"噪音\" OR *")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_page_of_a_search_is_that_page_of_the_whole_search_inside_and_beyond_the_recent_window()
    {
        using var desk = await shared.App.ClientFor("dispatcher");
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await desk.NewAppeal(shared.App.County, new { title = $"分页测试：庚申{i}", content = "窗口内外" }));

        using var scope = shared.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        // Three of them older than the window (NewestAsync looks there first on PostgreSQL), two inside it; two share a time.
        var newest = await db.Appeals.OrderByDescending(a => a.CreatedAt).Select(a => a.CreatedAt).FirstAsync();
        var old = newest - AppealTextSearch.RecentWindow - TimeSpan.FromDays(1);
        foreach (var (id, at) in new[] { (ids[0], old), (ids[1], old), (ids[2], old - TimeSpan.FromDays(3)), (ids[3], newest), (ids[4], newest) })
            await db.Appeals.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CreatedAt, at));

        var matching = AppealTextSearch.Matching(db.Appeals, "庚申", db);
        var expected = await matching.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Select(a => a.Id).ToListAsync();
        expected.ShouldBe([ids[4], ids[3], ids[1], ids[0], ids[2]]);
        for (var skip = 0; skip <= 5; skip++)
        for (var take = 1; take <= 3; take++)
            (await AppealTextSearch.NewestAsync(matching, db, skip, take, CancellationToken.None)).Select(a => a.Id)
                .ShouldBe(expected.Skip(skip).Take(take), $"skip {skip}, take {take}");

        (await AppealCount.SearchAsync(matching, CancellationToken.None, cap: 4)).ShouldBe((4, true));
        (await AppealCount.SearchAsync(matching, CancellationToken.None, cap: 5)).ShouldBe((5, false));
        var page = await desk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?q={Uri.EscapeDataString("庚申")}&pageSize=2&page=2");
        page.Items.Select(i => i.Id).ShouldBe([ids[1], ids[0]]);
        page.Total.ShouldBe(5);
    }

    [Fact]
    public async Task Phrase_lists_find_exactly_what_a_plain_contains_of_any_phrase_finds()
    {
        using var desk = await shared.App.ClientFor("dispatcher");
        foreach (var (title, content) in Texts) await desk.NewAppeal(shared.App.County, new { title, content });
        using var scope = shared.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var all = await db.Appeals.AsNoTracking().Select(a => new { a.Id, a.Title, a.Content }).ToListAsync();
        string[][] lists =
        [
            ["噪音", "物业"], ["噪", "路灯不亮"], ["路灯 不亮", "abc", "🚧"], ["ABC"], ["..", "噪音"], ["\"太吵了\"", "OR", "NOT"],
            ["不存在的词语", "𠀀生"], ["100%", "a_b", "*"], ["音"],
        ];
        foreach (var phrases in lists)
        {
            var expected = all.Where(a => phrases.Any(p => a.Title.Contains(p, StringComparison.Ordinal) || a.Content.Contains(p, StringComparison.Ordinal)))
                .Select(a => a.Id).Order().ToList();
            var found = await AppealTextSearch.MatchingAny(db.Appeals, phrases, db).Select(a => a.Id).OrderBy(id => id).ToListAsync();
            found.ShouldBe(expected, $"phrases «{string.Join("», «", phrases)}»");
        }
        (await AppealTextSearch.MatchingAny(db.Appeals, ["噪音", "物业"], db).CountAsync()).ShouldBePositive();
    }

    private sealed record CandidateRow(long Id, string Number);

    [Fact]
    public async Task Bulletin_candidates_match_a_number_or_the_text_newest_first()
    {
        using var desk = await shared.App.ClientFor("dispatcher");
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await desk.NewAppeal(shared.App.County, new { title = $"候选测试{i}", content = i == 1 ? "内容提到壬戌" : "无关" }));
        ids.Add(await desk.NewAppeal(shared.App.County, new { title = "候选测试：标题壬戌", content = "无关" }));
        using var analyst = await shared.App.ClientFor("analyst");
        var byText = await analyst.Expect<List<CandidateRow>>($"/api/bulletins/candidates?q={Uri.EscapeDataString(" 壬戌 ")}");
        // The four were registered at the same (fake) time: their order among themselves is not defined.
        byText.Select(c => c.Id).Order().ShouldBe([ids[1], ids[3]]);
        var number = byText.Single(c => c.Id == ids[3]).Number;
        (await analyst.Expect<List<CandidateRow>>($"/api/bulletins/candidates?q={number}")).Select(c => c.Id).ShouldBe([ids[3]]);
    }

    [Fact]
    public async Task The_index_follows_a_changed_title_or_content()
    {
        using var desk = await shared.App.ClientFor("dispatcher");
        var id = await desk.NewAppeal(shared.App.County, new { title = "改写测试：旧标题甲乙", content = "旧内容丙丁" });

        using var scope = shared.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        async Task<bool> Finds(string term) => await AppealTextSearch.Matching(db.Appeals, term, db).AnyAsync(a => a.Id == id);
        (await Finds("甲乙")).ShouldBeTrue();
        (await Finds("丙丁")).ShouldBeTrue();

        // Nothing in the product rewrites an appeal's text today; a redaction or a repair by SQL must not leave the index stale.
        await db.Appeals.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "改写测试：新标题戊己").SetProperty(a => a.Content, "新内容庚辛"));
        (await Finds("甲乙")).ShouldBeFalse();
        (await Finds("丙丁")).ShouldBeFalse();
        (await Finds("戊己")).ShouldBeTrue();
        (await Finds("庚辛")).ShouldBeTrue();
        (await Finds("改写测试")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_migration_indexes_appeals_that_existed_before_it()
    {
        using var desk = await shared.App.ClientFor("dispatcher");
        var id = await desk.NewAppeal(shared.App.County, new { title = "回填测试：早已存在的诉求", content = "井盖缺失壬癸" });
        using var scope = shared.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        async Task<bool> Finds() => await AppealTextSearch.Matching(db.Appeals, "壬癸", db).AnyAsync(a => a.Id == id);
        var script = Migrator.Scripts(db.IsSqlite ? "sqlite" : "postgres").Single(s => s.Version == 24).Sql;
        if (db.IsSqlite)
        {
            // Empty the FTS5 table as it is before 024 ran, then run the script's own backfill statement.
            await db.Database.ExecuteSqlRawAsync("insert into appeal_search (appeal_search) values ('delete-all')");
            (await Finds()).ShouldBeFalse();
            await db.Database.ExecuteSqlRawAsync(script[script.IndexOf("insert into appeal_search (rowid, grams)\nselect", StringComparison.Ordinal)..]);
        }
        else
        {
            // An expression index is built from the rows present: drop it and create it again with the script's statement.
            await db.Database.ExecuteSqlRawAsync("drop index ix_appeals_search");
            var create = script.Split('\n').Single(l => l.StartsWith("create index ix_appeals_search", StringComparison.Ordinal));
            await db.Database.ExecuteSqlRawAsync(create);
        }
        (await Finds()).ShouldBeTrue();
    }

    [Fact]
    public void Grams_are_counted_in_code_points_and_fts_tokens_keep_no_query_syntax()
    {
        AppealTextSearch.Grams("噪").ShouldBe([new AppealTextSearch.Gram("噪", true)]);
        AppealTextSearch.Grams("噪音扰民").Select(g => g.Text).ShouldBe(["噪音", "音扰", "扰民"]);
        AppealTextSearch.Grams("𠀀生").Select(g => g.Text).ShouldBe(["𠀀生"], "a surrogate pair is one character, as substr counts it");
        AppealTextSearch.Grams("哈哈哈").Select(g => g.Text).ShouldBe(["哈哈"]);
        AppealTextSearch.FtsMatch(AppealTextSearch.Grams("\"噪音\" OR *")).ShouldBe("\"噪\" \"噪音\" \"音\" \"o\" \"or\" \"r\"");
        AppealTextSearch.FtsMatch(AppealTextSearch.Grams("..")).ShouldBeNull();
        AppealTextSearch.FtsMatch(AppealTextSearch.Grams("A")).ShouldBe("\"a\"*");
    }
}
