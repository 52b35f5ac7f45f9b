using System.Net;
using System.Text.Json.Nodes;
using Minsheng.Features.Appeals;
using Minsheng.Tests.Infrastructure;
using Minsheng.Tests.Portal;

namespace Minsheng.Tests.Security;

/// <summary>
/// One app for the whole access table: the test county, one signed-in client per role (a bearer token for the
/// API, the login cookie for pages, as a browser has) and real records behind every route parameter, made
/// through the product's own API: a portal appeal with a photo dispatched to the housing bureau (co-unit: city
/// management), one where housing is the co-unit, a closed, rated and published one, a supervision order, the
/// monitor's overdue notices and leads, a routing rule, a gazetteer alias, a knowledge article and a spare user.
/// </summary>
public sealed class AccessTableApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    /// <summary>The account of each role in the test county.</summary>
    public static readonly IReadOnlyDictionary<string, string> UserOf = new Dictionary<string, string>
    {
        ["Operator"] = "operator", ["Dispatcher"] = "dispatcher", ["UnitHandler"] = "housing-handler", ["UnitHead"] = "housing-head",
        ["Supervisor"] = "supervisor", ["Analyst"] = "analyst", ["Leader"] = "leader", ["Publicity"] = "publicity", ["Admin"] = "admin",
    };

    private readonly Dictionary<string, HttpClient> _api = new();
    private readonly Dictionary<string, HttpClient> _pages = new();
    private readonly Dictionary<string, long> _notificationOf = new();

    public long AppealId { get; private set; }          // dispatched: lead housing, co-unit city management, one photo
    public string AppealNumber { get; private set; } = "";
    public string AppealCode { get; private set; } = "";
    public long AttachmentId { get; private set; }
    public long CoAppealId { get; private set; }        // dispatched: lead city management, co-unit housing
    public long ClosedAppealId { get; private set; }    // closed, rated by the citizen, published
    public long PublishedCaseId { get; private set; }
    public long LeadId { get; private set; }
    public long RoutingRuleId { get; private set; }
    public long AliasId { get; private set; }
    public long ArticleId { get; private set; }
    public long SpareUserId { get; private set; }
    public long TopicId { get; private set; }
    public long AnyNotificationId { get; private set; }
    public long PriorityId { get; private set; }        // 每月一题 led by the housing bureau
    public long MilestoneId { get; private set; }
    public long ProactivePlanId { get; private set; }
    public long ReportId { get; private set; }          // an issued weekly report of the test county
    public long BulletinId { get; private set; }       // issued, one item on the dispatched appeal
    public long BulletinItemId { get; private set; }
    public long InstructionId { get; private set; }    // the leader's instruction on that item, assigned to housing

    public async Task InitializeAsync()
    {
        // Many sign-ins and submissions from one address within a minute: lift the per-address limits.
        App = await TestApp.StartAsync(new()
        {
            ["RateLimits:PublicSubmissionsPerMinute"] = "10000",
            ["RateLimits:LoginsPerMinute"] = "10000",
            ["RateLimits:TrackingLookupsPerMinute"] = "10000",
        });
        await MakeAppeals();
        // Three weeks on, the dispatched appeals are overdue: the monitor raises reminders, 督办单 and leads.
        // Sign-ins come after the jump, since tokens and cookies expire on the app's clock.
        App.Clock.Advance(TimeSpan.FromDays(21));
        await App.RunMonitor();
        await App.RunMonitor();
        foreach (var (role, user) in UserOf)
        {
            _api[role] = await App.ClientFor(user);
            _pages[role] = await CookieClient(user);
        }
        _api[AccessRow.Anonymous] = App.Anonymous();
        _pages[AccessRow.Anonymous] = App.Anonymous();
        await MakeRecords();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _api.Values.Concat(_pages.Values)) client.Dispose();
        await App.DisposeAsync();
    }

    public HttpClient Api(string column) => _api[column];

    public HttpClient Pages(string column) => _pages[column];

    /// <summary>Signs in through POST /api/auth/login and keeps the cookie, as the login page does for a browser.</summary>
    private async Task<HttpClient> CookieClient(string user)
    {
        var client = App.Anonymous();
        var response = await client.Post("/api/auth/login", new { username = user, password = TestApp.Password });
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("minsheng="));
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task MakeAppeals()
    {
        var c = App.County;
        var anonymous = App.Anonymous();
        using var dispatcher = await App.ClientFor("dispatcher");

        (AppealNumber, AppealCode) = await anonymous.SubmitAsync(new { regionUnitId = c.Village1.Id }, ("路灯.png", PortalKit.Png));
        AppealId = await PortalKit.IdOf(App, AppealNumber);
        var detail = await dispatcher.Post($"/api/appeals/{AppealId}/dispatch", new { leadUnitId = c.Housing.Id, coUnitIds = new[] { c.CityMgmt.Id } })
            .Expect(HttpStatusCode.OK);
        AttachmentId = detail["attachments"]![0]!["id"]!.GetValue<long>();

        using var desk = await App.ClientFor("operator");
        CoAppealId = await desk.NewAppeal(c);
        await dispatcher.Post($"/api/appeals/{CoAppealId}/dispatch", new { leadUnitId = c.CityMgmt.Id, coUnitIds = new[] { c.Housing.Id } })
            .Expect(HttpStatusCode.OK);

        var (closedNumber, closedCode) = await anonymous.SubmitAsync(new { regionUnitId = c.Village1.Id });
        ClosedAppealId = await PortalKit.IdOf(App, closedNumber);
        await PortalKit.CloseAsync(App, ClosedAppealId);
        await anonymous.Post($"/api/public/appeals/{closedNumber}/rating", new { code = closedCode, rating = "Satisfied" }).Expect(HttpStatusCode.OK);
        using var publicity = await App.ClientFor("publicity");
        PublishedCaseId = (await publicity.Post("/api/publicity/cases", new { appealId = ClosedAppealId }).Expect(HttpStatusCode.Created))["id"]!
            .GetValue<long>();

        using var supervisor = await App.ClientFor("supervisor");
        await supervisor.Post($"/api/appeals/{AppealId}/supervision-orders", new { kind = "SupervisionOrder", instruction = "请于三日内办结并报告。", dueAt = TestApp.Start.AddDays(3) })
            .Expect(HttpStatusCode.Created);
    }

    private async Task MakeRecords()
    {
        var (c, supervisor, admin) = (App.County, _api["Supervisor"], _api["Admin"]);
        LeadId = (await supervisor.Expect("/api/leads")).AsArray().First()!["id"]!.GetValue<long>();
        foreach (var role in AccessRow.Roles)
        {
            var inbox = await _api[role].Expect("/api/notifications");
            // A message this role is an addressee of: seeing a message (a dispatcher its units') is not being sent it.
            if (inbox.AsArray().FirstOrDefault(n => n!["addressedToMe"]?.GetValue<bool>() == true) is { } first) _notificationOf[role] = first["id"]!.GetValue<long>();
        }
        AnyNotificationId = _notificationOf.Values.Min();

        RoutingRuleId = await CreatedId(admin.Post("/api/routing-rules", new { categoryId = c.Roads.Id, unitId = c.Housing.Id, note = "路灯归住建" }));
        AliasId = await CreatedId(admin.Post("/api/gazetteer", new { alias = "王庄", unitId = c.Village1.Id }));
        ArticleId = await CreatedId(admin.Post("/api/knowledge", new { title = "路灯报修", categoryId = c.Roads.Id, content = "路灯故障由县住建局负责维修。", keywords = "路灯" }));
        // A holiday override for the DELETE row to remove.
        await admin.Put("/api/calendar/days/2026-12-01", new { isWorkingDay = false, name = "测试假日" }).Expect(HttpStatusCode.OK);
        var analyst = _api["Analyst"];
        PriorityId = await CreatedId(analyst.Post("/api/analysis/monthly", new
        {
            month = "2026-12", title = "路灯不亮集中整治", problem = "多处路灯不亮。", keyPhrases = "路灯", leadUnitId = c.Housing.Id, measures = "逐一排查维修。",
        }));
        MilestoneId = (await analyst.Post($"/api/analysis/monthly/{PriorityId}/milestones", new { title = "排查", dueOn = "2026-12-10" })
            .Expect(HttpStatusCode.OK))["milestones"]![0]!["id"]!.GetValue<long>();
        ProactivePlanId = await CreatedId(analyst.Post("/api/analysis/proactive", new
        {
            title = "供暖前检修", measures = "检修管网。", keyPhrases = "暖气", leadUnitId = c.Housing.Id, seasonMonth = 11, seasonDay = 15, remindDaysBefore = 30,
        }));
        // A hot topic of the last 90 days (the fixture's identical appeals form one); the recompute row takes 7 days only.
        await _api["Analyst"].Post("/api/analysis/topics/recompute", new { days = 90 }).Expect(HttpStatusCode.OK);
        TopicId = (await _api["Analyst"].Expect("/api/analysis/topics?days=90"))["topics"]!.AsArray().FirstOrDefault()?["id"]?.GetValue<long>() ?? 0;
        ReportId = (await _api["Analyst"].Post("/api/reports", new { period = "2026-W47" }).Expect(HttpStatusCode.Created))["report"]!["id"]!.GetValue<long>();
        await _api["Analyst"].Post($"/api/reports/{ReportId}/issue").Expect(HttpStatusCode.OK);
        BulletinId = await CreatedId(_api["Analyst"].Post("/api/bulletins", new { }));
        BulletinItemId = await CreatedId(_api["Analyst"].Post($"/api/bulletins/{BulletinId}/items", new { title = "路灯不亮", appealIds = new[] { AppealId } }));
        await _api["Supervisor"].Post($"/api/bulletins/{BulletinId}/review").Expect(HttpStatusCode.OK);
        await _api["Analyst"].Post($"/api/bulletins/{BulletinId}/issue").Expect(HttpStatusCode.OK);
        InstructionId = await CreatedId(_api["Leader"].Post("/api/instructions",
            new { targetKind = "BulletinItem", targetRef = $"{BulletinItemId}", text = "请住建局办理。", leadUnitId = c.Housing.Id, deadlineDays = 5 }));
        // A drafted month with its contest window open, for the assessment rows (units see their sheet from then on).
        foreach (var step in new[] { "draft", "open" }) await supervisor.Post("/api/assessment/cycle", new { month = "2026-10", action = step }).Expect(HttpStatusCode.OK);
        SpareUserId = await CreatedId(admin.Post("/api/users", new { username = "spare", displayName = "备用账号", role = "Operator", unitId = c.County.Id, password = TestApp.Password }));
    }

    private static async Task<long> CreatedId(Task<HttpResponseMessage> call) => (await call.Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();

    /// <summary>
    /// The request path for a route template as <paramref name="column"/> sends it: each parameter filled with a real
    /// record, or null when the table names a parameter this fixture has no record for. Each workflow action row gets
    /// its own freshly dispatched appeal, so one row's successful action cannot change what another row sees.
    /// </summary>
    public async Task<string?> PathAsync(AccessRow row, string column)
    {
        var route = row.Route;
        var segments = route.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            var open = s.IndexOf('{');
            if (open < 0) continue;
            var close = s.IndexOf('}');
            var name = s[(open + 1)..close].Split(':')[0].TrimEnd('?');
            var value = IsWorkflowAction(row) && name == "id" ? $"{await FreshAppeal(row)}" : Value(route, name, column);
            if (value is null) return null;
            segments[i] = s[..open] + value + s[(close + 1)..];
        }
        var path = string.Join('/', segments);
        // The tracking lookup is meaningful only with the query code the citizen was given.
        return row.Method == "GET" && route == "/api/public/appeals/{number}" ? $"{path}?code={Uri.EscapeDataString(AppealCode)}" : path;
    }

    /// <summary>
    /// The body a row sends. Mostly an empty object: a policy refuses before the body is read. Where the handler or
    /// the domain checks the role, the body is complete, since a missing field would answer 400 before the role check.
    /// </summary>
    public object? Body(AccessRow row)
    {
        if (row.Method is not ("POST" or "PUT" or "PATCH")) return null;
        if (IsWorkflowAction(row))
            return new
            {
                content = "已按要求处理完毕。", comment = "已电话联系诉求人。", reason = "核实后确认。", days = 1,
                leadUnitId = App.County.Housing.Id, outcome = "NotReached", targetId = CoAppealId, countyId = App.County.County.Id,
            };
        return row.Route switch
        {
            "/api/appeals/{id:long}/unmask" => new { reason = "回访核实诉求人身份" },
            "/api/analysis/topics/recompute" => new { days = 7 },
            // Unit staff may register door-to-door visits in their own area only; this one is in the housing bureau's.
            "/api/appeals" => new
            {
                channel = "DoorToDoorVisit", type = "Help", title = "走访记录", content = "入户走访时群众反映楼道灯不亮。",
                regionUnitId = App.County.Housing.Id, citizenPhone = "13812345678",
            },
            _ => new { },
        };
    }

    private static bool IsWorkflowAction(AccessRow row) =>
        row.Method == "POST" && row.Route.StartsWith("/api/appeals/{id:long}/")
        && Minsheng.Features.Appeals.Actions.WorkflowActions.Find(row.Route.Split('/')[^1]) is not null;

    // Rows run in parallel; each row creates and then reuses its own appeal.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _fresh = new();

    private async Task<long> FreshAppeal(AccessRow row)
    {
        if (_fresh.TryGetValue(row.Key, out var id)) return id;
        var c = App.County;
        // Only a co-unit contributes, so for that row the housing bureau is the co-unit instead of the lead.
        var (lead, co) = row.Route.EndsWith("/contribute") ? (c.CityMgmt.Id, c.Housing.Id) : (c.Housing.Id, c.CityMgmt.Id);
        id = await _api["Operator"].NewAppeal(c);
        await _api["Dispatcher"].Post($"/api/appeals/{id}/dispatch", new { leadUnitId = lead, coUnitIds = new[] { co } }).Expect(HttpStatusCode.OK);
        return _fresh[row.Key] = id;
    }

    private string? Value(string route, string name, string column) => (name, route) switch
    {
        ("id", _) when route.StartsWith("/api/appeals/") || route.StartsWith("/appeals/") => $"{AppealId}",
        ("attachmentId", _) => $"{AttachmentId}",
        ("appealId", _) => $"{ClosedAppealId}",
        ("id", _) when route.StartsWith("/api/publicity/cases/") || route.StartsWith("/api/public/cases/") || route.StartsWith("/cases/") =>
            $"{PublishedCaseId}",
        ("number", _) => AppealNumber,
        ("id", _) when route.StartsWith("/api/units/") => $"{App.County.Town2.Id}",
        ("id", _) when route.StartsWith("/api/categories/") => $"{App.County.Noise.Id}",
        ("id", _) when route.StartsWith("/api/users/") => $"{SpareUserId}",
        ("id", _) when route.StartsWith("/api/leads/") => $"{LeadId}",
        ("id", _) when route.StartsWith("/api/routing-rules/") => $"{RoutingRuleId}",
        ("id", _) when route.StartsWith("/api/gazetteer/") => $"{AliasId}",
        ("id", _) when route.StartsWith("/api/knowledge/") => $"{ArticleId}",
        ("id", _) when route.StartsWith("/api/reports/") || route.StartsWith("/reports/") => $"{ReportId}",
        // Each caller marks a message of its own inbox; a role whose inbox is empty tries someone else's.
        ("id", _) when route.StartsWith("/api/notifications/") => $"{_notificationOf.GetValueOrDefault(column, AnyNotificationId)}",
        ("id", _) when route.StartsWith("/api/analysis/topics/") || route.StartsWith("/analysis/topics/") => TopicId == 0 ? null : $"{TopicId}",
        ("id", _) when route.StartsWith("/api/bulletins/") || route.StartsWith("/bulletins/") => $"{BulletinId}",
        ("itemId", _) => $"{BulletinItemId}",
        ("id", _) when route.StartsWith("/api/instructions/") || route.StartsWith("/instructions/") => $"{InstructionId}",
        ("unitId", _) when route.StartsWith("/api/portal-settings/") => $"{App.County.County.Id}",
        ("id", _) when route.StartsWith("/api/analysis/monthly/") || route.StartsWith("/analysis/monthly/") => $"{PriorityId}",
        ("milestoneId", _) => $"{MilestoneId}",
        ("id", _) when route.StartsWith("/api/analysis/proactive/") => $"{ProactivePlanId}",
        ("date", _) => "2026-12-01",
        ("documentName", _) => "v1",
        ("code", _) => "400",
        _ => null,
    };
}
