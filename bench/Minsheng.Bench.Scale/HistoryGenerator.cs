using Minsheng.Domain;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Domain.TimeLimits;
using Minsheng.Features.Demo;

namespace Minsheng.Bench.Scale;

/// <summary>One generated appeal with the rows that hang off it, ids already assigned by the generator.</summary>
public sealed class GeneratedAppeal(long id, Appeal appeal)
{
    public long Id { get; } = id;
    public Appeal Appeal { get; } = appeal;
    public List<SupervisionOrder> Orders { get; } = [];
    public List<AccountabilityLead> Leads { get; } = [];
    public List<Notification> Notices { get; } = [];
}

/// <summary>
/// Appeals of a whole city over two years, each moved through its life by the real domain actions (so statuses,
/// deadlines, counters and the timeline are what the product would have written): registration, direct answers,
/// dispatch with co-units for 协调办, returns (accepted and redispatched, or rejected), claim, first contact,
/// extensions, replies (some sent back by the unit head), callbacks (satisfied, unsatisfied, not reached and retried),
/// redos and re-review closes, plus 督办单, 问责线索 and deadline notices for the late ones. Volume grows 30 % a year
/// and is lower at weekends; the newest appeals are still open at every stage.
/// </summary>
public sealed class HistoryGenerator(ScaleCity.City city, ScaleTexts texts, DeadlineSchedule schedule, DateTimeOffset now, int seed)
{
    private static readonly (AppealType Type, int Weight)[] Types =
        [(AppealType.Complaint, 40), (AppealType.Help, 20), (AppealType.Consultation, 15), (AppealType.Suggestion, 12), (AppealType.Report, 5), (AppealType.Praise, 3), (AppealType.Other, 5)];
    private static readonly (Channel Channel, int Weight)[] Channels =
        [(Channel.Hotline12345, 50), (Channel.PublicPortal, 15), (Channel.MessageBoard, 12), (Channel.Mailbox, 8), (Channel.DoorToDoorVisit, 7), (Channel.Petition, 4), (Channel.ServiceHall, 4)];
    private static readonly (Tier Tier, int Weight)[] Tiers = [(Tier.Timely, 80), (Tier.Urgent, 8), (Tier.Coordinated, 9), (Tier.HighLevel, 3)];
    private const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public const int Days = 730;

    /// <summary>Creation times of <paramref name="count"/> appeals, oldest first (ids then follow time, as in production).</summary>
    public static DateTimeOffset[] Starts(int count, DateTimeOffset now, int seed)
    {
        var random = new Random(seed);
        var starts = new DateTimeOffset[count];
        for (var i = 0; i < count; i++)
        {
            while (true)
            {
                var ageDays = random.NextDouble() * Days;
                // Growth: the newest day is 1.3^2 as busy as the oldest; weekends carry 60 % of a weekday.
                var weight = Math.Pow(1.3, (Days - ageDays) / 365.0) / 1.69;
                var at = now - TimeSpan.FromDays(ageDays);
                var day = Domain.Calendar.ChinaTime.ToChina(at).DayOfWeek;
                if (day is DayOfWeek.Saturday or DayOfWeek.Sunday) weight *= 0.6;
                if (random.NextDouble() < weight) { starts[i] = at; break; }
            }
        }
        Array.Sort(starts);
        return starts;
    }

    private readonly Dictionary<(long County, string Category), (int Index, long Id)[]> _owners = new();

    private readonly Random _random = new(seed);
    private readonly Dictionary<ScaleCounty, DemoTextGenerator> _demoTexts = new();

    public GeneratedAppeal Generate(long id, DateTimeOffset start, string number)
    {
        var r = _random;
        var county = PickCounty();
        var demo = _demoTexts.TryGetValue(county, out var d) ? d : _demoTexts[county] = new DemoTextGenerator(r, county.Area);
        var (categoryId, categoryCode) = city.Categories[r.Next(city.Categories.Count)];
        var town = county.Townships[r.Next(county.Townships.Length)];
        var village = town.Villages[r.Next(town.Villages.Length)];
        var type = Pick(Types);
        var channel = Pick(Channels);
        var (title, content) = texts.Appeal(r, demo, type, categoryCode, town.Name, village.Name);
        var named = r.NextDouble() < 0.8;
        var draft = new AppealDraft(channel, type, categoryId, Pick(Tiers), title, content, village.Id, $"{county.Name}{town.Name}{village.Name}",
            null, null, named ? demo.CitizenName() : null, named ? demo.MobilePhone() : null, null, null);
        var desk = new Actor(null, county.OperatorName, Role.Operator, county.Id, _ => true);
        var appeal = Appeal.Register(draft, number, QueryCode(), channel == Channel.PublicPortal ? Actor.Citizen : desk, start, jurisdictionId: county.Id);
        var generated = new GeneratedAppeal(id, appeal);
        try { Advance(generated, start, county, town.Id, categoryCode, demo); }
        catch (Exception e) when (e is DomainValidationException or InvalidOperationException || e.GetType().Namespace == typeof(Appeal).Namespace)
        {
            // A step the rules refuse at that moment (a return past its window...) ends the history there, as it would in real life.
        }
        return generated;
    }


    private ScaleCounty PickCounty()
    {
        var x = _random.NextDouble() * city.Counties.Sum(c => c.Share);
        foreach (var c in city.Counties)
            if ((x -= c.Share) < 0) return c;
        return city.Counties[^1];
    }

    private long LeadFor(ScaleCounty county, string categoryCode, long township)
    {
        if (!_owners.TryGetValue((county.Id, categoryCode), out var owners))
            _owners[(county.Id, categoryCode)] = owners = county.Departments.Select((id, i) => (i, id)).Where(x => county.DepartmentCategories[x.i].Contains(categoryCode)).ToArray();
        return owners.Length == 0 || _random.NextDouble() < 0.3 ? township : owners[_random.Next(owners.Length)].Id;
    }

    private void Advance(GeneratedAppeal g, DateTimeOffset start, ScaleCounty county, long township, string category, DemoTextGenerator text)
    {
        var a = g.Appeal;
        var r = _random;
        var t = start;
        bool Step(double maxHours)
        {
            t += TimeSpan.FromHours(0.2 + r.NextDouble() * maxHours);
            return t < now;
        }
        var ageDays = (now - start).TotalDays;
        var stopAfter = ageDays < 2 ? r.Next(0, 5) : ageDays < 12 ? r.Next(1, 9) : 99;
        var op = new Actor(null, county.OperatorName, Role.Operator, county.Id, _ => true);
        var dispatcher = new Actor(null, county.DispatcherName, Role.Dispatcher, county.Id, _ => true);
        var roll = r.NextDouble();
        if (a.Type == AppealType.Consultation && roll < 0.35)
        {
            if (Step(1)) a.AnswerDirectly(text.Reply(category, "12345热线"), op, t);
            return;
        }
        if (roll > 0.98) { if (Step(4)) a.MarkInvalid("经核实为测试或骚扰电话。", dispatcher, t); return; }
        if (stopAfter < 1 || !Step(6)) return;
        var lead = LeadFor(county, category, township);
        var coUnits = a.Tier == Tier.Coordinated
            ? county.Departments.Where(x => x != lead).OrderBy(_ => r.Next()).Take(r.Next(1, 3)).ToList()
            : [];
        a.Dispatch(lead, coUnits, dispatcher, t, schedule);
        Actor Handler() => new(null, "承办人", Role.UnitHandler, a.LeadUnitId, _ => true);
        Actor Head() => new(null, "单位负责人", Role.UnitHead, a.LeadUnitId, _ => true);
        if (r.NextDouble() < 0.07 && Step(16))
        {
            a.RequestReturn(text.ReturnReason(), Handler(), t, schedule);
            if (!Step(8)) return;
            if (r.NextDouble() < 0.55) a.RejectReturn("经研判属于贵单位职责范围，请按时办理。", dispatcher, t);
            else
            {
                a.AcceptReturn(dispatcher, t, "同意退单，改派。");
                if (!Step(4)) return;
                var other = county.Departments[r.Next(county.Departments.Length)];
                a.Dispatch(other == lead ? township : other, [], dispatcher, t, schedule);
            }
        }
        if (stopAfter < 2 || !Step(a.Tier == Tier.Urgent ? 2 : 30)) return;
        a.Claim(Handler(), t);
        if (stopAfter < 3 || !Step(30)) return;
        a.RecordContact(text.ContactNote(), Handler(), t);
        foreach (var co in coUnits)
            if (Step(24)) a.Contribute("协办意见：已按职责配合现场核查。", new Actor(null, "协办人", Role.UnitHandler, co, _ => true), t);
        if (a.Tier != Tier.Urgent && r.NextDouble() < 0.08 && Step(24) && a.ResolveDue is { } due && schedule.ExtensionStillAllowed(t, due))
        {
            a.RequestExtension(Math.Min(r.Next(3, 8), schedule.Rules.MaxExtensionDays), text.ExtensionReason(), Handler(), t, schedule);
            if (!Step(8)) return;
            if (r.NextDouble() < 0.8) a.ApproveExtension(dispatcher, t, null, schedule);
            else a.RejectExtension("理由不充分，请按原期限办理。", dispatcher, t);
        }
        // A slow unit (one case in eight) takes days longer than the time limit: that is where notices, orders and leads come from.
        var slow = r.NextDouble() < 0.12;
        if (stopAfter < 4 || !Step(slow ? 300 : 80)) return;
        Late(g, county, t);
        a.SubmitReply(text.Reply(category, "承办单位"), Handler(), t);
        if (r.NextDouble() < 0.06 && Step(8))
        {
            a.RejectReply("答复内容不完整，请补充办理结果。", Head(), t);
            if (!Step(24)) return;
            a.SubmitReply(text.Reply(category, "承办单位"), Handler(), t);
        }
        if (stopAfter < 5 || !Step(12)) return;
        a.ApproveReply(Head(), t);
        if (stopAfter < 6 || !Step(48)) return;
        Callback(a, op, text, ref t, first: true, out var outcome);
        if (outcome == CallbackOutcome.NotReached && Step(24)) a.Close("多次回访未能联系上诉求人，按规定办结。", dispatcher, t);
        if (outcome == CallbackOutcome.Unsatisfied && Step(24))
        {
            if (r.NextDouble() < 0.45) a.Close("经复核，诉求人要求超出政策规定，已做好解释工作。", dispatcher, t);
            else
            {
                a.Redo(text.ReReviewReason(), dispatcher, t, schedule);
                if (!Step(24)) return;
                a.Claim(Handler(), t);
                if (!Step(72)) return;
                a.SubmitReply(text.Reply(category, "承办单位"), Handler(), t);
                if (!Step(12)) return;
                a.ApproveReply(Head(), t);
                if (!Step(48)) return;
                Callback(a, op, text, ref t, first: false, out var again);
                if (again == CallbackOutcome.Unsatisfied)
                {
                    g.Leads.Add(new AccountabilityLead($"unsatisfied:{g.Id}", LeadRule.UnsatisfiedAfterRedo, g.Id, a.LeadUnitId,
                        "重办后群众仍不满意。", [g.Id], [], t));
                    if (Step(24)) a.Close("经复核，已尽最大努力，做好解释说明。", dispatcher, t);
                }
            }
        }
    }

    private void Callback(Appeal a, Actor op, DemoTextGenerator text, ref DateTimeOffset t, bool first, out CallbackOutcome outcome)
    {
        var r = _random;
        for (var attempt = 0; ; attempt++)
        {
            // 解决 and 满意 differ: some satisfied citizens say the matter is not fully solved, some unsatisfied ones say it is.
            outcome = r.NextDouble() switch
            {
                < 0.66 => CallbackOutcome.Satisfied, < 0.80 => CallbackOutcome.BasicallySatisfied,
                < 0.93 => CallbackOutcome.Unsatisfied, _ => CallbackOutcome.NotReached,
            };
            if (!first && outcome == CallbackOutcome.Unsatisfied && r.NextDouble() < 0.5) outcome = CallbackOutcome.Satisfied;
            var satisfied = outcome <= CallbackOutcome.BasicallySatisfied;
            bool? resolved = outcome == CallbackOutcome.NotReached ? null : satisfied ? r.NextDouble() < 0.92 : r.NextDouble() < 0.2;
            bool? atFault = outcome == CallbackOutcome.Unsatisfied ? r.NextDouble() < 0.6 : null;
            a.RecordCallback(outcome, resolved, atFault, text.CallbackComment(satisfied), op, t);
            if (outcome != CallbackOutcome.NotReached || attempt >= 2) return;
            t += TimeSpan.FromHours(2 + r.NextDouble() * 20);
            if (t >= now) return;
        }
    }

    /// <summary>The notices, 督办单 and overdue lead a reply after its deadline would have produced.</summary>
    private void Late(GeneratedAppeal g, ScaleCounty county, DateTimeOffset repliedAt)
    {
        var a = g.Appeal;
        if (a.ReplyDue is not { } due || repliedAt <= due || a.LeadUnitId is not { } unit) return;
        var reminderAt = due - TimeSpan.FromDays(1);
        g.Notices.Add(Read(new Notification(DeadlineWatch.Key(Escalation.Reminder, g.Id, Stage.Reply, due), NotificationKind.DeadlineReminder, Audience.Unit,
            unit, g.Id, Stage.Reply, $"临期提醒：{a.Number}", $"诉求“{a.Title}”的答复期限将至，请抓紧办理。", due, reminderAt), reminderAt));
        var noticeAt = due + TimeSpan.FromHours(16);
        if (noticeAt >= repliedAt) return;
        g.Notices.Add(Read(new Notification(DeadlineWatch.Key(Escalation.Notice, g.Id, Stage.Reply, due), NotificationKind.ReminderNotice, Audience.Unit,
            unit, g.Id, Stage.Reply, $"催办单：{a.Number}", $"诉求“{a.Title}”已超过答复期限，请立即办理并反馈办理情况。", due, noticeAt), noticeAt));
        var orderAt = due + TimeSpan.FromDays(4);
        if (orderAt >= repliedAt) return;
        g.Notices.Add(Read(new Notification(DeadlineWatch.Key(Escalation.Supervision, g.Id, Stage.Reply, due), NotificationKind.SupervisionOrder, Audience.Supervisors,
            unit, g.Id, Stage.Reply, $"督办单：{a.Number}", $"诉求“{a.Title}”答复逾期，转督查督办。", due, orderAt), orderAt));
        g.Orders.Add(new SupervisionOrder(g.Id, SupervisionKind.SupervisionOrder, "请于三个工作日内办结并书面报告。", orderAt + TimeSpan.FromDays(3),
            "督查室", Role.Supervisor, orderAt));
        var lead = new AccountabilityLead($"overdue:{g.Id}:reply", LeadRule.Overdue, g.Id, unit, "答复超期。", [g.Id], [], orderAt);
        var decide = _random.NextDouble();
        if (decide < 0.4) lead.Confirm(AccountabilityMeasure.Talk, "约谈单位负责人。", "督查室", orderAt + TimeSpan.FromDays(5));
        else if (decide < 0.8) lead.Dismiss("客观原因，已说明。", "督查室", orderAt + TimeSpan.FromDays(5));
        g.Leads.Add(lead);
        _ = county;
    }

    private Notification Read(Notification n, DateTimeOffset at)
    {
        n.MarkSent(at);
        if (_random.NextDouble() < 0.85) n.MarkRead(at + TimeSpan.FromHours(_random.NextDouble() * 30));
        return n;
    }

    /// <summary>受理编号 for appeals created at <paramref name="starts"/> (in order), continuing the day counters in <paramref name="daily"/>.</summary>
    public static string[] Numbers(DateTimeOffset[] starts, Dictionary<string, int> daily)
    {
        var numbers = new string[starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            var day = Domain.Calendar.ChinaTime.ToChina(starts[i]).ToString("yyyyMMdd");
            daily[day] = daily.GetValueOrDefault(day) + 1;
            numbers[i] = Features.Appeals.AppealNumbers.Format(day, daily[day]);
        }
        return numbers;
    }

    private string QueryCode() => string.Create(6, _random, (span, r) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = CodeAlphabet[r.Next(CodeAlphabet.Length)];
    });

    private T Pick<T>((T Value, int Weight)[] weighted)
    {
        var x = _random.Next(100);
        foreach (var (value, weight) in weighted)
            if ((x -= weight) < 0) return value;
        return weighted[^1].Value;
    }
}
