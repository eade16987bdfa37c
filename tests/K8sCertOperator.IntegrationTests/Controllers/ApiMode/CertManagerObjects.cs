using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using K8sCertOperator.Api;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// cert-manager.io objects written and read as plain JSON through the generic client, the way a user's kubectl or
/// cert-manager's ecosystem (csi-driver, istio-csr) would: nothing of the operator's own model or renaming in between.
/// </summary>
internal sealed class CertManagerObjects(IKubernetes client, string ns)
{
    public const string Group = "cert-manager.io";
    public const string AcmeGroup = "acme.cert-manager.io";

    public async Task<JsonObject> CreateAsync(string plural, JsonObject body, CancellationToken ct)
    {
        body["apiVersion"] = Group + "/v1";
        var created = await client.CustomObjects.CreateNamespacedCustomObjectAsync(body, Group, "v1", ns, plural, cancellationToken: ct);
        return ToNode(created);
    }

    /// <summary>Creates a cluster-scoped cert-manager.io object (a ClusterIssuer).</summary>
    public async Task<JsonObject> CreateClusterAsync(string plural, JsonObject body, CancellationToken ct)
    {
        body["apiVersion"] = Group + "/v1";
        return ToNode(await client.CustomObjects.CreateClusterCustomObjectAsync(body, Group, "v1", plural, cancellationToken: ct));
    }

    /// <summary>The object, or null when absent; a ClusterIssuer (plural clusterissuers) is read cluster-wide.</summary>
    public async Task<JsonObject?> GetAsync(string plural, string name, CancellationToken ct)
    {
        try
        {
            return ToNode(plural == "clusterissuers"
                ? await client.CustomObjects.GetClusterCustomObjectAsync(Group, "v1", plural, name, ct)
                : await client.CustomObjects.GetNamespacedCustomObjectAsync(Group, "v1", ns, plural, name, ct));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<JsonObject>> ListAsync(string group, string plural, CancellationToken ct)
    {
        var list = ToNode(await client.CustomObjects.ListNamespacedCustomObjectAsync(group, "v1", ns, plural, cancellationToken: ct));
        return [.. (list["items"] as JsonArray ?? []).OfType<JsonObject>()];
    }

    /// <summary>
    /// A CA Issuer <paramref name="name"/> whose root (Certificate and Secret <paramref name="name"/>-root) a self-signed
    /// Issuer <paramref name="name"/>-bootstrap signs; returns once the root is Ready.
    /// </summary>
    public async Task CreateCaIssuerAsync(string name, CancellationToken ct)
    {
        await CreateAsync("issuers", Named(name + "-bootstrap", "Issuer", new JsonObject { ["selfSigned"] = new JsonObject() }), ct);
        await CreateAsync("certificates", Named(name + "-root", "Certificate", new JsonObject
        {
            ["secretName"] = name + "-root",
            ["commonName"] = name + " root",
            ["isCA"] = true,
            ["issuerRef"] = IssuerRef(name + "-bootstrap"),
        }), ct);
        await WaitConditionAsync("certificates", name + "-root", ConditionTypes.Ready, ct);
        await CreateAsync("issuers", Named(name, "Issuer", new JsonObject { ["ca"] = new JsonObject { ["secretName"] = name + "-root" } }), ct);
    }

    /// <summary>Polls until the object's <paramref name="condition"/> condition is True; returns it.</summary>
    public Task<JsonObject> WaitConditionAsync(string plural, string name, string condition, CancellationToken ct) =>
        WaitAsync(plural, name, obj => IsTrue(obj, condition), ct);

    /// <summary>Polls until the object exists and satisfies <paramref name="done"/>; returns it.</summary>
    public async Task<JsonObject> WaitAsync(string plural, string name, Func<JsonObject, bool> done, CancellationToken ct)
    {
        while (true)
        {
            if (await GetAsync(plural, name, ct) is { } obj && done(obj))
            {
                return obj;
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>The condition of type <paramref name="type"/>, or null.</summary>
    public static JsonObject? Condition(JsonObject obj, string type) =>
        (obj["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == type);

    public static bool IsTrue(JsonObject obj, string condition) => (string?)Condition(obj, condition)?["status"] == "True";

    public static JsonObject IssuerRef(string name, string kind = ApiGroups.IssuerKind) =>
        new() { ["name"] = name, ["kind"] = kind, ["group"] = Group };

    public static JsonObject Named(string name, string kind, JsonObject spec) =>
        new() { ["kind"] = kind, ["metadata"] = new JsonObject { ["name"] = name }, ["spec"] = spec };

    private static JsonObject ToNode(object response) =>
        JsonNode.Parse(JsonSerializer.Serialize(response)) as JsonObject ?? throw new InvalidOperationException("not a JSON object");
}
