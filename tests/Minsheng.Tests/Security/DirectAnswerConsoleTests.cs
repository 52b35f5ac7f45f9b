using System.Net;
using System.Text.Json.Nodes;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

/// <summary>
/// The phone console's 直接办结 once closed a streetlight complaint with a medical-insurance answer in one click. Now it
/// is offered only for consultations and good matches, with an editable answer and a confirmation, and the case stays
/// off the publicity list unless the officer asks for direct answers.
/// </summary>
public sealed class DirectAnswerConsoleTests
{
    private const string ArticleTitle = "城乡居民医保报销需要哪些材料";
    private const string ArticleContent = "城乡居民医保报销请携带身份证、医保卡、住院发票和费用清单，到县医保局一楼窗口办理。";

    /// <summary>The medical-insurance article, and a streetlight one so that a streetlight call matches it only weakly.</summary>
    private static async Task<long> ArticleAsync(TestApp app)
    {
        var admin = await app.ClientFor("admin");
        await admin.Post("/api/knowledge", new { title = "路灯不亮如何报修", content = "村口、路边路灯不亮或损坏，请拨打城管局路灯所电话报修，一般三个工作日内修复。", keywords = "路灯,不亮,报修", active = true })
            .Expect(HttpStatusCode.Created);
        return (await admin.Post("/api/knowledge", new { title = ArticleTitle, content = ArticleContent, keywords = "医保,报销,材料", active = true })
            .Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();
    }

    private const string WeakTitle = "村口路灯不亮";
    private const string WeakContent = "王庄村村口路灯不亮两个星期了，顺便问问医保报销。";

    private static Dictionary<string, string> Call(TestApp app, string type, string title, string content) => new()
    {
        ["channel"] = "Hotline12345", ["tier"] = "Timely", ["type"] = type, ["title"] = title, ["content"] = content,
        ["citizenName"] = "王五", ["citizenPhone"] = "13812345678",
        ["townshipId"] = app.County.Town1.Id.ToString(), ["villageId"] = app.County.Village1.Id.ToString(),
    };

    private static async Task<string> HintsAsync(HttpClient op, Dictionary<string, string> form)
    {
        var response = await op.PostForm("/console", "/console?handler=Hints", form);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<double> ScoreAsync(HttpClient op, string text, long articleId) =>
        (await op.Expect($"/api/knowledge?q={Uri.EscapeDataString(text)}")).AsArray()
            .FirstOrDefault(a => a!["id"]!.GetValue<long>() == articleId)?["score"]?.GetValue<double>() ?? 0;

    private static async Task<int> CountAsync(HttpClient d) => (await d.Expect("/api/appeals?pageSize=100"))["total"]!.GetValue<int>();

    [Fact]
    public async Task Direct_answer_is_offered_only_for_a_well_matched_consultation()
    {
        await using var app = await TestApp.StartAsync();
        var articleId = await ArticleAsync(app);
        var op = await app.ClientFor("operator");
        const string strong = ArticleTitle + "\n" + ArticleContent;
        const string weak = WeakTitle + "\n" + WeakContent;
        (await ScoreAsync(op, strong, articleId)).ShouldBeGreaterThanOrEqualTo(0.6);
        var weakScore = await ScoreAsync(op, weak, articleId);
        weakScore.ShouldBeGreaterThan(0);
        weakScore.ShouldBeLessThan(0.6);

        var consultation = await HintsAsync(op, Call(app, "Consultation", ArticleTitle, ArticleContent));
        consultation.ShouldContain("确认直接办结");
        consultation.ShouldContain($"name=\"answer_{articleId}\"");
        consultation.ShouldContain($"name=\"confirm_{articleId}\"");

        var complaint = await HintsAsync(op, Call(app, "Complaint", ArticleTitle, ArticleContent));
        complaint.ShouldContain(ArticleTitle);
        complaint.ShouldNotContain("确认直接办结");
        complaint.ShouldContain("只有咨询类诉求可以直接办结");

        var weakMatch = await HintsAsync(op, Call(app, "Consultation", WeakTitle, WeakContent));
        weakMatch.ShouldNotContain("确认直接办结");
        weakMatch.ShouldContain("匹配度低于 60%");
    }

    [Fact]
    public async Task Nothing_is_closed_without_the_type_the_match_and_the_confirmation()
    {
        await using var app = await TestApp.StartAsync();
        var articleId = await ArticleAsync(app);
        var op = await app.ClientFor("operator");
        var dispatcher = await app.ClientFor("dispatcher");
        var before = await CountAsync(dispatcher);

        async Task<string> Attempt(Dictionary<string, string> form, bool confirm, string answer)
        {
            form["articleId"] = articleId.ToString();
            form[$"answer_{articleId}"] = answer;
            if (confirm) form[$"confirm_{articleId}"] = "true";
            var response = await op.PostForm("/console", "/console?handler=DirectAnswer", form);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"location: {response.Headers.Location}"); // the page again with its banner, nothing registered
            return await response.Content.ReadAsStringAsync();
        }
        (await Attempt(Call(app, "Complaint", ArticleTitle, ArticleContent), confirm: true, ArticleContent)).ShouldContain("只有咨询类诉求可以直接办结");
        (await Attempt(Call(app, "Consultation", WeakTitle, WeakContent), confirm: true, ArticleContent))
            .ShouldContain("匹配度低于 60%");
        (await Attempt(Call(app, "Consultation", ArticleTitle, ArticleContent), confirm: false, ArticleContent)).ShouldContain("请先勾选确认");
        (await CountAsync(dispatcher)).ShouldBe(before);

        // Confirmed, with the operator's own edit of the answer: registered and closed with that text.
        var form = Call(app, "Consultation", ArticleTitle, ArticleContent);
        form["articleId"] = articleId.ToString();
        form[$"answer_{articleId}"] = "请携带身份证和住院发票到县医保局一楼窗口办理（已电话告知）。";
        form[$"confirm_{articleId}"] = "true";
        (await op.PostForm("/console", "/console?handler=DirectAnswer", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var items = (await dispatcher.Expect($"/api/appeals?q={Uri.EscapeDataString(ArticleTitle)}"))["items"]!.AsArray();
        var id = items.Single()!["id"]!.GetValue<long>();
        var detail = await dispatcher.Expect($"/api/appeals/{id}");
        detail["summary"]!["status"]!.GetValue<string>().ShouldBe("Closed");
        detail["reply"]!.GetValue<string>().ShouldBe("请携带身份证和住院发票到县医保局一楼窗口办理（已电话告知）。");

        // Off the publicity list unless the officer asks for direct answers.
        var publicity = await app.ClientFor("publicity");
        Ids(await publicity.Expect("/api/publicity/candidates")).ShouldNotContain(id);
        Ids(await publicity.Expect("/api/publicity/candidates?directAnswers=true")).ShouldContain(id);
    }

    private static IEnumerable<long> Ids(JsonNode page) => page["items"]!.AsArray().Select(c => c!["appealId"]!.GetValue<long>());
}
