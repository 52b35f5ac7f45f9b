using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;

namespace Minsheng.Features.Demo;

/// <summary>
/// Writes demo appeals spread over the last 90 days. Older appeals have travelled further along the
/// workflow; each step is a real domain action at a plausible later time, never later than now. One writer
/// numbers the appeals of every county, so numbers stay unique across the deployment.
/// </summary>
public sealed class DemoAppealWriter(MinshengDb db, Random random, DateTimeOffset now, Domain.TimeLimits.DeadlineSchedule schedule)
{
    private DemoTextGenerator _text = new(random);
    private readonly Dictionary<string, int> _daily = new();
    private Dictionary<string, Unit>? _units;

    private static readonly (AppealType Type, int Weight)[] Types =
        [(AppealType.Complaint, 40), (AppealType.Help, 20), (AppealType.Consultation, 15), (AppealType.Suggestion, 12), (AppealType.Report, 5), (AppealType.Praise, 3), (AppealType.Other, 5)];
    private static readonly (Channel Channel, int Weight)[] Channels =
        [(Channel.Hotline12345, 50), (Channel.PublicPortal, 15), (Channel.MessageBoard, 12), (Channel.Mailbox, 8), (Channel.DoorToDoorVisit, 7), (Channel.Petition, 4), (Channel.ServiceHall, 4)];
    private static readonly (Tier Tier, int Weight)[] Tiers = [(Tier.Timely, 80), (Tier.Urgent, 8), (Tier.Coordinated, 9), (Tier.HighLevel, 3)];

    /// <summary>Appeals of one county, registered by its own desk (or by citizens on the portal) and owned by it.</summary>
    public async Task<int> WriteAsync(DemoArea area, int count, IReadOnlyList<(Category Category, DemoCategory Demo)> categories, CancellationToken ct)
    {
        var county = await AreaUnitsAsync(area, ct);
        _text = new DemoTextGenerator(random, area);
        var operatorActor = new Actor(null, area.OperatorName, Role.Operator, county.Unit.Id, _ => true);
        var created = new List<Appeal>(count);
        foreach (var start in Starts(count, 90))
        {
            var (category, demoCategory) = categories[random.Next(categories.Count)];
            var (township, townUnit, villages) = county.Townships[random.Next(county.Townships.Count)];
            var village = villages[random.Next(villages.Count)];
            var type = Pick(Types);
            var text = _text.Appeal(type, demoCategory.Code, township.Name, village.Name);
            var channel = Pick(Channels);
            var named = random.NextDouble() < 0.8;
            var draft = new AppealDraft(channel, type, category.Id, Pick(Tiers), text.Title, text.Content, village.Id,
                $"{area.Name}{township.Name}{village.Name}", null, null,
                named ? _text.CitizenName() : null, named ? _text.MobilePhone() : null,
                named && random.NextDouble() < 0.5 ? _text.ContactAddress(township.Name, village.Name) : null, null);
            var lead = LeadFor(county, demoCategory.Code, townUnit);
            // An appeal about a unit is never handled by that unit (举报不得交被举报单位): the subject is the township
            // when a department leads, and no unit is named when the township itself leads.
            long? subject = (type == AppealType.Report && random.NextDouble() < 0.3) || (type == AppealType.Complaint && random.NextDouble() < 0.1)
                ? townUnit.Id : null;
            if (subject is { } s && s != lead.Id) draft = draft with { SubjectUnitId = s };
            var appeal = Appeal.Register(draft, NextNumber(start), AppealNumbers.NewQueryCode(),
                channel == Channel.PublicPortal ? Actor.Citizen : operatorActor, start, jurisdictionId: county.Unit.Id);
            Advance(appeal, start, county, lead, demoCategory.Code);
            created.Add(appeal);
        }
        await SaveAsync(created, ct);
        return created.Count;
    }

    /// <summary>
    /// Calls the city hotline took about a place in one of its counties without picking the place: they belong to the
    /// city until its dispatcher hands them down (交办下级); the county's desk then handles them like its own.
    /// </summary>
    public async Task<int> WriteCityDeskAsync(Unit city, IReadOnlyList<DemoArea> counties, int count,
        IReadOnlyList<(Category Category, DemoCategory Demo)> categories, CancellationToken ct)
    {
        var areas = new List<(DemoArea Area, CountyUnits Units)>();
        foreach (var area in counties) areas.Add((area, await AreaUnitsAsync(area, ct)));
        var cityOperator = new Actor(null, "市热线话务员林芳", Role.Operator, city.Id, _ => true);
        var cityDispatcher = new Actor(null, "市热线派单员高峰", Role.Dispatcher, city.Id, _ => true);
        var created = new List<Appeal>(count);
        // The newest quarter (at least one) still waits at the city desk for someone to hand it down.
        var handedDown = count - Math.Max(1, count / 4);
        foreach (var start in Starts(count, 20))
        {
            var (area, county) = areas[random.Next(areas.Count)];
            _text = new DemoTextGenerator(random, area);
            var (category, demoCategory) = categories[random.Next(categories.Count)];
            var (township, townUnit, villages) = county.Townships[random.Next(county.Townships.Count)];
            var village = villages[random.Next(villages.Count)];
            var type = Pick(Types);
            var text = _text.Appeal(type, demoCategory.Code, township.Name, village.Name);
            var draft = new AppealDraft(Channel.Hotline12345, type, category.Id, Tier.Timely, text.Title, text.Content, null,
                $"{area.Name}{township.Name}{village.Name}", null, null, _text.CitizenName(), _text.MobilePhone(), null, null);
            var appeal = Appeal.Register(draft, NextNumber(start), AppealNumbers.NewQueryCode(), cityOperator, start, jurisdictionId: city.Id);
            var handDownAt = start + TimeSpan.FromHours(0.5 + random.NextDouble() * 3);
            if (created.Count < handedDown && handDownAt < now)
            {
                appeal.HandDown(county.Unit.Id, area.Name, "请按属地管理原则办理。", cityDispatcher, handDownAt);
                Advance(appeal, handDownAt, county, LeadFor(county, demoCategory.Code, townUnit), demoCategory.Code);
            }
            created.Add(appeal);
        }
        await SaveAsync(created, ct);
        return created.Count;
    }

    /// <summary>The numbers used, so appeals registered after seeding continue each day's sequence.</summary>
    public async Task SaveNumberSequencesAsync(CancellationToken ct)
    {
        foreach (var (day, last) in _daily)
            await db.Database.ExecuteSqlInterpolatedAsync($"insert into number_sequences (day, last_value) values ({day}, {last})", ct);
    }

    private sealed record CountyUnits(Unit Unit, List<(DemoDepartment Demo, Unit Unit)> Departments,
        List<(DemoTownship Demo, Unit Unit, List<Unit> Villages)> Townships, DemoArea Area);

    private async Task<CountyUnits> AreaUnitsAsync(DemoArea area, CancellationToken ct)
    {
        _units ??= await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        var byCode = _units;
        return new CountyUnits(byCode[area.Code], area.Departments.Select(d => (d, byCode[d.Code])).ToList(),
            area.Townships.Select(t => (t, byCode[t.Code], t.Villages.Select(v => byCode[v.Code]).ToList())).ToList(), area);
    }

    private List<DateTimeOffset> Starts(int count, int days) =>
        Enumerable.Range(0, count).Select(_ => now - TimeSpan.FromMinutes(random.NextDouble() * days * 24 * 60)).Order().ToList();

    /// <summary>The department that owns the category, else (and three times in ten) the township of the place.</summary>
    private Unit LeadFor(CountyUnits county, string categoryCode, Unit township)
    {
        var owner = county.Departments.Where(d => d.Demo.CategoryCodes.Contains(categoryCode)).Select(d => d.Unit).FirstOrDefault();
        return owner is null || random.NextDouble() < 0.3 ? township : owner;
    }

    private async Task SaveAsync(List<Appeal> created, CancellationToken ct)
    {
        foreach (var chunk in created.Chunk(250))
        {
            db.Appeals.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private sealed record Cast(Actor Operator, Actor Dispatcher, Actor Handler, Actor Head);

    private void Advance(Appeal appeal, DateTimeOffset start, CountyUnits county, Unit lead, string categoryCode)
    {
        var desk = county.Unit.Id;
        var coUnits = appeal.Tier == Tier.Coordinated
            ? county.Departments.Select(d => d.Unit.Id).Where(id => id != lead.Id).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList()
            : [];
        Cast CastFor(Unit unit) => new(new Actor(null, county.Area.OperatorName, Role.Operator, desk, _ => true),
            new Actor(null, county.Area.DispatcherName, Role.Dispatcher, desk, _ => true),
            new Actor(null, $"{unit.Name}承办人", Role.UnitHandler, unit.Id, _ => true),
            new Actor(null, $"{unit.Name}负责人", Role.UnitHead, unit.Id, _ => true));
        // Where the desk sends an appeal whose return it accepts: another department.
        var other = county.Departments.Select(d => d.Unit).Where(u => u.Id != lead.Id).OrderBy(_ => random.Next()).First();
        var helpers = coUnits.Select(id => new Actor(null, $"{county.Departments.First(d => d.Unit.Id == id).Unit.Name}承办人", Role.UnitHandler, id, _ => true)).ToList();
        Advance(appeal, start, CastFor(lead), lead.Id, coUnits, categoryCode, lead.Name, (other.Id, CastFor(other), other.Name), helpers);
    }

    /// <summary>Moves the appeal as far as its age allows, stopping at a random point for recent ones.</summary>
    /// <remarks>
    /// Every unit measure gets data: some returns are accepted and re-dispatched (the rest rejected: 错退), co-units
    /// contribute (most on time, some late, some never), and the callback's answers vary as they do on the phone —
    /// 基本满意 yet not solved, 不满意 although solved, and unsatisfied callbacks the desk finds were not the unit's fault.
    /// </remarks>
    private void Advance(Appeal a, DateTimeOffset start, Cast cast, long lead, List<long> coUnits, string categoryCode, string leadName,
        (long Id, Cast Cast, string Name) other, List<Actor> helpers)
    {
        var t = start;
        bool Step(double maxHours)
        {
            t += TimeSpan.FromHours(0.2 + random.NextDouble() * maxHours);
            return t < now;
        }
        var ageDays = (now - start).TotalDays;
        var roll = random.NextDouble();
        // Young appeals stop early; almost all older ones are finished.
        var stopAfter = ageDays < 2 ? random.Next(0, 4) : ageDays < 10 ? random.Next(1, 8) : 99;

        if (a.Type == AppealType.Consultation && roll < 0.35)
        {
            if (Step(1)) a.AnswerDirectly(_text.Reply(categoryCode, "12345热线"), cast.Operator, t);
            return;
        }
        if (roll > 0.97) { if (Step(4)) a.MarkInvalid("经核实为测试或骚扰电话。", cast.Dispatcher, t); return; }
        if (stopAfter < 1 || !Step(6)) return;
        a.Dispatch(lead, coUnits, cast.Dispatcher, t, schedule);
        if (random.NextDouble() < 0.06 && Step(20))
        {
            a.RequestReturn(_text.ReturnReason(), cast.Handler, t, schedule);
            if (!Step(8)) return;
            if (random.NextDouble() < 0.6) a.RejectReturn("经研判属于贵单位职责范围，请按时办理。", cast.Dispatcher, t);
            else
            {
                a.AcceptReturn(cast.Dispatcher, t, "退单理由成立，改派其他单位。");
                if (!Step(6)) return;
                (lead, cast, leadName) = other;
                a.Dispatch(lead, [], cast.Dispatcher, t, schedule);
                helpers = [];
            }
        }
        if (stopAfter < 2 || !Step(20)) return;
        a.Claim(cast.Handler, t);
        if (stopAfter < 3 || !Step(24)) return;
        a.RecordContact(_text.ContactNote(), cast.Handler, t);
        // Co-units send their part (协办意见): most soon after the lead's contact, some only while the reply awaits
        // approval (often past the deadline), some never.
        var late = new List<Actor>();
        foreach (var helper in helpers)
        {
            var r = random.NextDouble();
            if (r < 0.15) continue;
            if (r < 0.3) { late.Add(helper); continue; }
            if (!Step(30)) return;
            a.Contribute(_text.CoUnitNote(), helper, t);
        }
        // A unit asks for an extension only while the rules still allow it (in good time before the deadline).
        if (a.Tier != Tier.Urgent && random.NextDouble() < 0.08 && Step(24) && a.ResolveDue is { } due && schedule.ExtensionStillAllowed(t, due))
        {
            a.RequestExtension(Math.Min(random.Next(3, 8), schedule.Rules.MaxExtensionDays), _text.ExtensionReason(), cast.Handler, t, schedule);
            if (!Step(8)) return;
            a.ApproveExtension(cast.Dispatcher, t, null, schedule);
        }
        if (stopAfter < 4 || !Step(72)) return;
        a.SubmitReply(_text.Reply(categoryCode, leadName), cast.Handler, t);
        foreach (var helper in late)
        {
            if (!Step(40)) return;
            a.Contribute(_text.CoUnitNote(), helper, t);
        }
        if (stopAfter < 5 || !Step(12)) return;
        a.ApproveReply(cast.Head, t);
        if (stopAfter < 6 || !Step(48)) return;
        var outcome = random.NextDouble() switch { < 0.70 => CallbackOutcome.Satisfied, < 0.85 => CallbackOutcome.BasicallySatisfied, < 0.95 => CallbackOutcome.Unsatisfied, _ => CallbackOutcome.NotReached };
        var (resolved, atFault) = CallbackAnswers(outcome);
        a.RecordCallback(outcome, resolved, atFault, _text.CallbackComment(outcome <= CallbackOutcome.BasicallySatisfied), cast.Operator, t);
        if (outcome == CallbackOutcome.Unsatisfied && Step(24))
        {
            // Not the unit's fault (a demand beyond policy) is mostly closed after re-review; the unit's mostly redone.
            if (random.NextDouble() < (atFault == false ? 0.85 : 0.3)) a.Close("经复核，诉求人要求超出政策规定，已做好解释工作。", cast.Dispatcher, t);
            else
            {
                a.Redo(_text.ReReviewReason(), cast.Dispatcher, t, schedule);
                // Most redone appeals are handled again and closed; the rest are still with the unit.
                if (!Step(24)) return;
                a.Claim(cast.Handler, t);
                if (!Step(72)) return;
                a.SubmitReply(_text.Reply(categoryCode, leadName), cast.Handler, t);
                if (!Step(12)) return;
                a.ApproveReply(cast.Head, t);
                if (!Step(48)) return;
                var again = random.NextDouble() < 0.8 ? CallbackOutcome.Satisfied : CallbackOutcome.Unsatisfied;
                var (solved, fault) = CallbackAnswers(again);
                a.RecordCallback(again, solved, fault, _text.CallbackComment(again == CallbackOutcome.Satisfied), cast.Operator, t);
            }
        }
    }

    /// <summary>
    /// Whether the problem was solved and, when unsatisfied, whether the unit was at fault, as citizens answer: 满意 is
    /// nearly always solved, 基本满意 often only partly, 不满意 sometimes solved but late or curt; three unsatisfied in ten
    /// are about demands beyond any unit's remit. Not reached records neither.
    /// </summary>
    private (bool? Resolved, bool? UnitAtFault) CallbackAnswers(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.Satisfied => (random.NextDouble() < 0.96, null),
        CallbackOutcome.BasicallySatisfied => (random.NextDouble() < 0.6, null),
        CallbackOutcome.Unsatisfied => (random.NextDouble() < 0.25, random.NextDouble() >= 0.3),
        _ => (null, null),
    };

    private string NextNumber(DateTimeOffset at)
    {
        var day = Domain.Calendar.ChinaTime.ToChina(at).ToString("yyyyMMdd");
        _daily[day] = _daily.GetValueOrDefault(day) + 1;
        return AppealNumbers.Format(day, _daily[day]);
    }

    private T Pick<T>((T Value, int Weight)[] weighted)
    {
        var r = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
            if ((r -= weight) < 0) return value;
        return weighted[^1].Value;
    }
}
