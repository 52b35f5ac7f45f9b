using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Minsheng.Domain.Notifications;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Monitor;

public sealed class WebhookOptions
{
    /// <summary>The SMS or email gateway's endpoint; the sender is registered only when this is set.</summary>
    public string? Url { get; set; }
    public string? Token { get; set; }
}

/// <summary>
/// Posts each notification as JSON to a gateway (an SMS platform or a mail relay), with the addressed
/// unit's contact phone: the gateway decides how to reach people. Configured under "Notifications:Webhook".
/// </summary>
public sealed class WebhookSender(HttpClient http, IOptions<WebhookOptions> options, UnitTree units) : INotificationSender
{
    public string Name => "webhook";

    public async Task SendAsync(Notification n, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.Url)
        {
            Content = JsonContent.Create(new
            {
                key = n.Key, kind = n.Kind.ToString(), audience = n.Audience.ToString(), unit = units.NameOf(n.UnitId),
                phone = n.UnitId is { } u ? units.Find(u)?.Phone : null, title = n.Title, body = n.Body,
            }),
        };
        if (options.Value.Token is { } token) request.Headers.Authorization = new("Bearer", token);
        (await http.SendAsync(request, ct)).EnsureSuccessStatusCode();
    }
}
