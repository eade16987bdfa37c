using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;

namespace K8sCertOperator.Tests.Solvers.Dns01.Cloudflare;

/// <summary>
/// The parts of the Cloudflare API v4 the provider uses, answered as documented
/// (envelope {success, errors, messages, result}; zones?name=; dns_records list/create/delete).
/// </summary>
public sealed class FakeCloudflareApi
{
    public const string ZoneId = "023e105f4ecef8ad9ca31a8372d0c353";
    public const string Token = "test-api-token";
    public const string Email = "admin@example.com";
    public const string Key = "test-global-key";

    private readonly Lock _gate = new();
    private readonly List<(string Id, string Name, string Content)> _records = [];
    private int _nextId;

    public IReadOnlyList<(string Id, string Name, string Content)> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public void Seed(string name, string content)
    {
        lock (_gate)
        {
            _records.Add(($"seed{_nextId++}", name, content));
        }
    }

    public ApiAnswer Handle(RecordedRequest request)
    {
        var authorized = request.Header("Authorization") == $"Bearer {Token}"
            || (request.Header("X-Auth-Email") == Email && request.Header("X-Auth-Key") == Key);
        if (!authorized)
        {
            return Error(403, 10000, "Authentication error");
        }
        var query = HttpUtility.ParseQueryString(request.Query);
        var path = request.Path["/client/v4".Length..];
        lock (_gate)
        {
            if (request.Method == "GET" && path == "/zones")
            {
                var zones = query["name"] == "example.com"
                    ? new JsonArray(new JsonObject { ["id"] = ZoneId, ["name"] = "example.com", ["status"] = "active" })
                    : [];
                return Ok(zones);
            }
            if (path == $"/zones/{ZoneId}/dns_records" && request.Method == "GET")
            {
                var matches = _records.Where(r => r.Name == query["name"] && query["type"] == "TXT")
                    .Select(r => (JsonNode)Record(r.Id, r.Name, r.Content));
                return Ok(new JsonArray([.. matches]));
            }
            if (path == $"/zones/{ZoneId}/dns_records" && request.Method == "POST")
            {
                var body = JsonNode.Parse(request.Body)!;
                var id = $"rec{_nextId++}";
                _records.Add((id, body["name"]!.GetValue<string>(), body["content"]!.GetValue<string>()));
                return Ok(Record(id, body["name"]!.GetValue<string>(), body["content"]!.GetValue<string>()));
            }
            if (path.StartsWith($"/zones/{ZoneId}/dns_records/", StringComparison.Ordinal) && request.Method == "DELETE")
            {
                var id = path[(path.LastIndexOf('/') + 1)..];
                return _records.RemoveAll(r => r.Id == id) == 1
                    ? Ok(new JsonObject { ["id"] = id })
                    : Error(404, 81044, "Record does not exist.");
            }
        }
        return Error(404, 7003, "Could not route to " + request.Path);
    }

    private static JsonObject Record(string id, string name, string content) => new()
    {
        ["id"] = id,
        ["zone_id"] = ZoneId,
        ["type"] = "TXT",
        ["name"] = name,
        // The API reports TXT content in quoted zone-file form.
        ["content"] = $"\"{content}\"",
        ["ttl"] = 120,
    };

    private static ApiAnswer Ok(JsonNode result) => new(200, new JsonObject
    {
        ["success"] = true,
        ["errors"] = new JsonArray(),
        ["messages"] = new JsonArray(),
        ["result"] = result,
    }.ToJsonString());

    private static ApiAnswer Error(int status, int code, string message) => new(status, JsonSerializer.Serialize(new
    {
        success = false,
        errors = new[] { new { code, message } },
        messages = Array.Empty<object>(),
        result = (object?)null,
    }));
}
