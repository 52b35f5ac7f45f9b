using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Minsheng.TestSupport;

/// <summary>
/// JSON over HTTP for tests: send anonymous objects, assert the status with the body in the message, and read the
/// answer as a typed record (<see cref="Expect{T}(Task{HttpResponseMessage}, HttpStatusCode)"/>, strict
/// <see cref="AppJson"/> options) or, for tests not converted yet, as a JsonNode.
/// </summary>
public static class Http
{
    /// <summary>For sending: web casing and enums as names, as the app reads them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static Task<HttpResponseMessage> Post(this HttpClient client, string path, object? body = null) =>
        client.PostAsJsonAsync(path, body ?? new { }, Json);

    public static Task<HttpResponseMessage> Put(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body, Json);

    public static async Task<JsonNode> Expect(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"body: {text}");
        return string.IsNullOrEmpty(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    public static Task<JsonNode> Expect(this HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK) =>
        client.GetAsync(path).Expect(status);

    /// <summary>
    /// Asserts the status, then reads the body as <typeparamref name="T"/> with the app's JSON options made strict:
    /// a field the record names that the body lacks fails here, with the body in the message.
    /// </summary>
    public static async Task<T> Expect<T>(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        await response.Content.LoadIntoBufferAsync();
        if (response.StatusCode != status)
            response.StatusCode.ShouldBe(status, $"body: {await response.Content.ReadAsStringAsync()}");
        try
        {
            return (await response.Content.ReadFromJsonAsync<T>(AppJson.Options))
                ?? throw new ShouldAssertException($"{typeof(T).Name}: the body is null");
        }
        catch (JsonException e)
        {
            throw new ShouldAssertException($"{typeof(T).Name} cannot be read from {response.RequestMessage?.RequestUri}: {e.Message}\nbody: {await response.Content.ReadAsStringAsync()}", e);
        }
    }

    public static Task<T> Expect<T>(this HttpClient client, string path, HttpStatusCode status = HttpStatusCode.OK) =>
        client.GetAsync(path).Expect<T>(status);

    /// <summary>The body as text after asserting the status, for checks on what the answer must not carry at all.</summary>
    public static async Task<string> ExpectText(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"body: {text}");
        return text;
    }

    /// <summary>Signs the client in with a bearer token (POST /api/auth/token) and returns it.</summary>
    public static async Task<HttpClient> SignedInAs(this HttpClient client, string username, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenAnswer>(AppJson.Options))!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates an appeal as the given desk client and returns its id.</summary>
    public static async Task<long> NewAppeal(this HttpClient desk, TestCounty county, object? overrides = null)
    {
        var body = new JsonObject
        {
            ["channel"] = "Hotline12345",
            ["type"] = "Complaint",
            ["tier"] = "Timely",
            ["categoryId"] = county.Roads.Id,
            ["title"] = "王庄村路灯不亮",
            ["content"] = "王庄村村口的路灯已经坏了两个星期，晚上出行很不方便，请尽快维修。",
            ["regionUnitId"] = county.Village1.Id,
            ["address"] = "城关镇王庄村村口",
            ["citizenName"] = "张三丰",
            ["citizenPhone"] = "13812345678",
            ["citizenAddress"] = "城关镇王庄村12号",
        };
        if (overrides is not null)
            foreach (var (k, v) in JsonSerializer.SerializeToNode(overrides, Json)!.AsObject())
                body[k] = v?.DeepClone();
        return (await desk.Post("/api/appeals", body).Expect<Answers.AppealAnswer>(HttpStatusCode.Created)).Id;
    }

    private sealed record TokenAnswer(string AccessToken);
}
