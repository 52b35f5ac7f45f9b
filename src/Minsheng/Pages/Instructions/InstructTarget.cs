using Minsheng.Domain.Instructions;

namespace Minsheng.Pages.Instructions;

/// <summary>
/// The model of _InstructButton: what a leader would instruct on. Any page can offer 批示 by rendering the partial with
/// its kind, reference and title (report and topic pages do the same with their own reference and title).
/// </summary>
public sealed record InstructTarget(InstructionTargetKind Kind, string Ref, string Title)
{
    public string Href => $"/instructions/new?kind={Kind}&ref={Uri.EscapeDataString(Ref)}&title={Uri.EscapeDataString(Title)}";
}
