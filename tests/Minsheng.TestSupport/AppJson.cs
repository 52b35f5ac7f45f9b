using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Minsheng.Data;
using Minsheng.Infrastructure;

namespace Minsheng.TestSupport;

/// <summary>
/// The JSON options the app writes its answers with (taken from the app's own service registration, so a change
/// there is a change here), made strict for reading: a property an answer record names but the body lacks, or a
/// null where the record says never-null, fails the read instead of leaving a default to be asserted on.
/// </summary>
public static class AppJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var services = new ServiceCollection();
        // Registration only: nothing resolved here touches the database file, which is never created.
        services.AddMinsheng(new ConfigurationBuilder().Build(), DatabaseTarget.Parse($"sqlite:{Path.Combine(Path.GetTempPath(), "minsheng-json-options-unused.db")}"));
        using var provider = services.BuildServiceProvider();
        var app = provider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var strict = new JsonSerializerOptions(app) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };
        strict.MakeReadOnly();
        return strict;
    }
}
