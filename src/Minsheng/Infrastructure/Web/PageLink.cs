using Microsoft.AspNetCore.WebUtilities;

namespace Minsheng.Infrastructure.Web;

public static class PageLink
{
    /// <summary>The current URL with one query parameter replaced (pagers, tabs, sort links).</summary>
    public static string With(HttpRequest request, string key, string? value)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(kv => !string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .ToList();
        if (value is not null) query.Add(new(key, value));
        return QueryHelpers.AddQueryString(request.Path, query);
    }
}
