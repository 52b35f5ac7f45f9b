using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;

namespace Minsheng.Features.Demo;

/// <summary>
/// Writes demo appeals spread over the last 90 days. Older appeals have travelled further along the
/// workflow; each step is a real domain action at a plausible later time, never later than now.
/// </summary>
public sealed class DemoAppealWriter(MinshengDb db, Random random, DateTimeOffset now, Domain.TimeLimits.DeadlineSchedule schedule)
{
    private readonly DemoTextGenerator _text = new(random);
    private readonly Dictionary<string, int> _daily = new();

    private static readonly (AppealType Type, int Weight)[] Types =
        [(AppealType.Complaint, 40), (AppealType.Help, 20), (AppealType.Consultation, 15), (AppealType.Suggestion, 12), (AppealType.Report, 5), (AppealType.Praise, 3), (AppealType.Other, 5)];
    private static readonly (Channel Channel, int Weight)[] Channels =
        [(Channel.Hotline12345, 50), (Channel.PublicPortal, 15), (Channel.MessageBoard, 12), (Channel.Mailbox, 8), (Channel.DoorToDoorVisit, 7), (Channel.Petition, 4), (Channel.ServiceHall, 4)];
    private static readonly (Tier Tier, int Weight)[] Tiers = [(Tier.Timely, 80), (Tier.Urgent, 8), (Tier.Coordinated, 9), (Tier.HighLevel, 3)];

    public async Task<int> WriteAsync(int count, IReadOnlyList<(Category Category, DemoCategory Demo)> categories, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var byCode = units.ToDictionary(u => u.Code);
        var departments = DemoCountyData.Departments.Select(d => (d, unit: byCode[d.Code])).ToList();
        var townships = DemoCountyData.Townships.Select(t => (t, unit: byCode[t.Code], villages: t.Villages.Select(v => byCode[v.Code]).ToList())).ToList();
        var operatorActor = new Actor(null, "话务员小王", Role.Operator, byCode[DemoCountyData.CountyCode].Id, _ => true);
        var dispatcher = new Actor(null, "派单员李敏", Role.Dispatcher, byCode[DemoCountyData.CountyCode].Id, _ => true);

        var created = new List<Appeal>(count);
        var starts = Enumerable.Range(0, count).Select(_ => now - TimeSpan.FromMinutes(random.NextDouble() * 90 * 24 * 60)).Order().ToList();
        foreach (var start in starts)
        {
            var (category, demoCategory) = categories[random.Next(categories.Count)];
            var (township, townUnit, villages) = townships[random.Next(townships.Count)];
            var village = villages[random.Next(villages.Count)];
            var type = Pick(Types);
            var text = _text.Appeal(type, demoCategory.Code, township.Name, village.Name);
            var owner = departments.Where(d => d.d.CategoryCodes.Contains(demoCategory.Code)).Select(d => d.unit).FirstOrDefault();
            var lead = owner is null || random.NextDouble() < 0.3 ? townUnit : owner;
            var named = random.NextDouble() < 0.8;
            // An appeal about a unit is never handled by that unit (举报不得交被举报单位): the subject is the township
            // when a department leads, and no unit is named when the township itself leads.
            long? subject = (type == AppealType.Report && random.NextDouble() < 0.3) || (type == AppealType.Complaint && random.NextDouble() < 0.1)
                ? townUnit.Id : null;
            if (subject == lead.Id) subject = null;
            var channel = Pick(Channels);
            var draft = new AppealDraft(channel, type, category.Id, Pick(Tiers), text.Title, text.Content, village.Id,
                $"{DemoCountyData.CountyName}{township.Name}{village.Name}", null, null,
                named ? _text.CitizenName() : null, named ? _text.MobilePhone() : null,
                named && random.NextDouble() < 0.5 ? _text.ContactAddress(township.Name, village.Name) : null, subject);
            var appeal = Appeal.Register(draft, NextNumber(start), AppealNumbers.NewQueryCode(),
                channel == Channel.PublicPortal ? Actor.Citizen : operatorActor, start);
            var coUnits = draft.Tier == Tier.Coordinated
                ? departments.Select(d => d.unit.Id).Where(id => id != lead.Id).OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList()
                : [];
            var handler = new Actor(null, $"{lead.Name}承办人", Role.UnitHandler, lead.Id, _ => true);
            var head = new Actor(null, $"{lead.Name}负责人", Role.UnitHead, lead.Id, _ => true);
            Advance(appeal, start, new Cast(operatorActor, dispatcher, handler, head), lead.Id, coUnits, demoCategory.Code, lead.Name);
            created.Add(appeal);
        }
        foreach (var chunk in created.Chunk(250))
        {
            db.Appeals.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var (day, last) in _daily)
            await db.Database.ExecuteSqlInterpolatedAsync($"insert into number_sequences (day, last_value) values ({day}, {last})", ct);
        return created.Count;
    }

    private sealed record Cast(Actor Operator, Actor Dispatcher, Actor Handler, Actor Head);

    /// <summary>Moves the appeal as far as its age allows, stopping at a random point for recent ones.</summary>
    private void Advance(Appeal a, DateTimeOffset start, Cast cast, long lead, List<long> coUnits, string categoryCode, string leadName)
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
        a.Dispatch(lead, coUnits, cast.Dispatcher, t, schedule: schedule);
        if (random.NextDouble() < 0.06 && Step(20))
        {
            a.RequestReturn(_text.ReturnReason(), cast.Handler, t);
            if (!Step(8)) return;
            a.RejectReturn("经研判属于贵单位职责范围，请按时办理。", cast.Dispatcher, t);
        }
        if (stopAfter < 2 || !Step(20)) return;
        a.Claim(cast.Handler, t);
        if (stopAfter < 3 || !Step(24)) return;
        a.RecordContact(_text.ContactNote(), cast.Handler, t);
        if (a.Tier != Tier.Urgent && random.NextDouble() < 0.08 && Step(24))
        {
            a.RequestExtension(random.Next(3, 8), _text.ExtensionReason(), cast.Handler, t);
            if (!Step(8)) return;
            a.ApproveExtension(cast.Dispatcher, t, schedule: schedule);
        }
        if (stopAfter < 4 || !Step(72)) return;
        a.SubmitReply(_text.Reply(categoryCode, leadName), cast.Handler, t);
        if (stopAfter < 5 || !Step(12)) return;
        a.ApproveReply(cast.Head, t);
        if (stopAfter < 6 || !Step(48)) return;
        var outcome = random.NextDouble() switch { < 0.70 => CallbackOutcome.Satisfied, < 0.85 => CallbackOutcome.BasicallySatisfied, < 0.95 => CallbackOutcome.Unsatisfied, _ => CallbackOutcome.NotReached };
        a.RecordCallback(outcome, outcome <= CallbackOutcome.BasicallySatisfied, null, _text.CallbackComment(outcome <= CallbackOutcome.BasicallySatisfied), cast.Operator, t);
        if (outcome == CallbackOutcome.Unsatisfied && Step(24))
        {
            if (random.NextDouble() < 0.5) a.Close("经复核，诉求人要求超出政策规定，已做好解释工作。", cast.Dispatcher, t);
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
                a.RecordCallback(again, again == CallbackOutcome.Satisfied, null, _text.CallbackComment(again == CallbackOutcome.Satisfied), cast.Operator, t);
            }
        }
    }

    private string NextNumber(DateTimeOffset at)
    {
        var day = at.ToOffset(AppealNumbers.ChinaOffset).ToString("yyyyMMdd");
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
