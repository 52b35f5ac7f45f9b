using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Instructions;
using Minsheng.Domain.Organization;
using Minsheng.Features.Instructions;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Instructions;

/// <summary>A leader writes an instruction (批示) on a target and assigns it to a lead unit with a deadline, as POST /api/instructions.</summary>
[Authorize(Roles = nameof(Role.Leader))]
public sealed class NewModel(InstructionTasks tasks, CurrentUser me, UnitTree units) : AppPage
{
    [BindProperty(SupportsGet = true)] public InstructionTargetKind Kind { get; set; } = InstructionTargetKind.BulletinItem;
    [BindProperty(SupportsGet = true, Name = "ref")] public string? Ref { get; set; }
    [BindProperty(SupportsGet = true)] public string? Title { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public long? LeadUnitId { get; set; }
    [BindProperty] public long[]? CoUnitIds { get; set; }
    [BindProperty] public int? DeadlineDays { get; set; } = 10;

    /// <summary>The units a task may go to: the leader's subtree below the county or city itself.</summary>
    public IReadOnlyList<UnitInfo> Units => units.Subtree(me.UnitId).Select(units.Find).OfType<UnitInfo>()
        .Where(u => u.Active && u.ParentId is not null && !u.Kind.IsJurisdiction()).OrderBy(u => u.Path).ToList();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        InstructionView? created = null;
        if (await TryAsync(async () => created = await tasks.CreateAsync(new InstructionRequest(Kind, Ref, Title, Text, LeadUnitId, CoUnitIds, DeadlineDays), ct)))
            return Done($"已批示并交办{created!.LeadUnit}，办理期限 {Ui.Time(created.DueAt)}。", $"/instructions/{created.Id}");
        return Page();
    }
}
