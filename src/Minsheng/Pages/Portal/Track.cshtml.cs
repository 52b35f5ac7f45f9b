using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Minsheng.Features.Public;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Portal;

/// <summary>
/// 进度查询 and 评价. The lookup is a POST so the query code stays out of URLs; every request to this page counts
/// against the tracking limit, like the API, so codes cannot be guessed here either.
/// </summary>
[EnableRateLimiting(RateLimits.Tracking)]
public sealed class TrackModel(PublicTracking tracking, CitizenRatings ratings, PortalJurisdictions portal) : PortalPage(portal)
{
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Code { get; set; }

    public PublicAppealView? Result { get; private set; }
    public CitizenRatingValue? Rating { get; private set; }
    public string? Comment { get; private set; }
    public string? Thanks { get; private set; }

    public void OnGet(string? number) => Number = number?.Trim() is { Length: > 0 and <= 20 } n ? n : null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LookUpAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(CitizenRatingValue? rating, string? comment, CancellationToken ct)
    {
        Rating = rating;
        Comment = comment;
        if (await LookUpAsync(ct) is not { } appeal) return Page();
        var outcome = RateOutcome.Rated;
        if (await TryAsync(async () => outcome = await ratings.RateAsync(appeal, rating, comment, ct)))
        {
            if (outcome == RateOutcome.Rated) Thanks = "感谢您的评价！我们会认真对待您的意见。";
            else Banner = outcome == RateOutcome.AlreadyRated ? "此诉求已经评价过，每件诉求只能评价一次。" : "诉求答复后才能评价。";
            Result = tracking.View(appeal, await ratings.ForAsync(appeal.Id, ct));
        }
        return Page();
    }

    private async Task<Domain.Appeals.Appeal?> LookUpAsync(CancellationToken ct)
    {
        var missing = false;
        if (string.IsNullOrWhiteSpace(Number)) { ModelState.AddModelError("number", "请输入受理编号。"); missing = true; }
        if (string.IsNullOrWhiteSpace(Code)) { ModelState.AddModelError("code", "请输入查询码。"); missing = true; }
        if (missing) return null;
        var appeal = await tracking.FindAsync(Number, Code, ct);
        if (appeal is null)
        {
            Banner = $"{PublicTracking.NotFoundTitle}：{PublicTracking.NotFoundDetail}";
            return null;
        }
        Result = tracking.View(appeal, await ratings.ForAsync(appeal.Id, ct));
        return appeal;
    }
}
