using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>Built-in validation of the core kinds the operator writes, and the stored shape kube-apiserver gives them.</summary>
public sealed class CoreKindValidationTests : StandInTestBase
{
    private const string SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private Task<V1Secret> CreateAsync(V1Secret secret) => Client.CoreV1.CreateNamespacedSecretAsync(secret, Namespace, cancellationToken: Token);

    [Fact]
    public async Task Tls_secret_without_its_key_is_refused()
    {
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "api-tls" },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]> { ["tls.crt"] = [1] },
        };
        var causes = await Refusal.InvalidAsync(() => CreateAsync(secret), "Secret \"api-tls\" is invalid: data[tls.key]: Required value");
        Assert.Equal([("FieldValueRequired", "data[tls.key]", "Required value")], causes);

        secret.Data = null;
        await Refusal.InvalidAsync(() => CreateAsync(secret), "Secret \"api-tls\" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]");
    }

    [Fact]
    public async Task Secret_type_cannot_change()
    {
        var created = await CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "typed" }, Data = new Dictionary<string, byte[]> { ["tls.crt"] = [1], ["tls.key"] = [2] } });
        created.Type = "kubernetes.io/tls";
        await Refusal.InvalidAsync(
            () => Client.CoreV1.ReplaceNamespacedSecretAsync(created, "typed", Namespace, cancellationToken: Token),
            "Secret \"typed\" is invalid: type: Invalid value: \"kubernetes.io/tls\": field is immutable");
    }

    [Fact]
    public async Task Secret_data_keys_follow_config_key_syntax()
    {
        var secret = new V1Secret { Metadata = new V1ObjectMeta { Name = "keys" }, Data = new Dictionary<string, byte[]> { ["a/b"] = [1] } };
        await Refusal.InvalidAsync(
            () => CreateAsync(secret),
            "Secret \"keys\" is invalid: data[a/b]: Invalid value: \"a/b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
    }

    [Fact]
    public async Task Names_must_be_dns_subdomains_and_namespaces_dns_labels()
    {
        await Refusal.InvalidAsync(
            () => CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "Bad_Name" } }),
            $"Secret \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": {SubdomainMessage}");
        await Refusal.InvalidAsync(
            () => Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "a.b" } }, cancellationToken: Token),
            "Namespace \"a.b\" is invalid: metadata.name: Invalid value: \"a.b\": must not contain dots");
        await Refusal.InvalidAsync(
            () => Client.CustomObjects.CreateNamespacedCustomObjectAsync(TestCustomObject.Certificate("UPPER", Namespace), TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, cancellationToken: Token),
            $"Certificate.k8scert.io \"UPPER\" is invalid: metadata.name: Invalid value: \"UPPER\": {SubdomainMessage}");
    }

    [Fact]
    public async Task Label_and_annotation_keys_and_values_are_checked()
    {
        var labels = new V1Secret { Metadata = new V1ObjectMeta { Name = "labels", Labels = new Dictionary<string, string> { ["app"] = "has space" } } };
        await Refusal.InvalidAsync(
            () => CreateAsync(labels),
            "Secret \"labels\" is invalid: metadata.labels: Invalid value: \"has space\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");

        var annotations = new V1Secret { Metadata = new V1ObjectMeta { Name = "annotations", Annotations = new Dictionary<string, string> { ["a/b/c"] = "x" } } };
        await Refusal.InvalidAsync(
            () => CreateAsync(annotations),
            "Secret \"annotations\" is invalid: metadata.annotations: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");

        var big = new V1Secret { Metadata = new V1ObjectMeta { Name = "big", Annotations = new Dictionary<string, string> { ["k"] = new string('x', 256 * 1024) } } };
        await Refusal.InvalidAsync(() => CreateAsync(big), "Secret \"big\" is invalid: metadata.annotations: Too long: must have at most 262144 bytes");
    }

    [Fact]
    public async Task GenerateName_is_checked_as_a_name_prefix()
    {
        var ok = await CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { GenerateName = "gen-" } });
        Assert.StartsWith("gen-", ok.Metadata.Name, StringComparison.Ordinal);
        var status = await Refusal.StatusOfAsync(() => CreateAsync(new V1Secret { Metadata = new V1ObjectMeta { GenerateName = "Gen-" } }));
        Assert.Equal(422, (int?)status["code"]);
        Assert.Equal("metadata.generateName", (string?)status["details"]!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task Emptied_metadata_maps_and_lists_are_not_stored()
    {
        var created = await CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "emptied", Labels = new Dictionary<string, string> { ["a"] = "b" }, Annotations = new Dictionary<string, string> { ["c"] = "d" }, Finalizers = ["example.com/hold"] },
        });
        var patch = new V1Patch("""{"metadata":{"labels":{"a":null},"annotations":{"c":null},"finalizers":[]}}""", V1Patch.PatchType.MergePatch);
        var patched = await Client.CoreV1.PatchNamespacedSecretAsync(patch, "emptied", Namespace, cancellationToken: Token);
        Assert.Null(patched.Metadata.Labels);
        Assert.Null(patched.Metadata.Annotations);
        Assert.Null(patched.Metadata.Finalizers);

        var raw = Server.GetStoredObject("", "secrets", Namespace, "emptied")!;
        Assert.False(raw["metadata"]!.AsObject().ContainsKey("labels"));
        Assert.False(raw["metadata"]!.AsObject().ContainsKey("annotations"));
        Assert.False(raw["metadata"]!.AsObject().ContainsKey("finalizers"));
        Assert.NotNull(created.Metadata.Labels);
    }

    [Fact]
    public async Task Managed_fields_name_each_writer_and_operation()
    {
        await Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "managed" }, Data = new Dictionary<string, byte[]> { ["k"] = [1] } },
            Namespace, fieldManager: "first-writer", cancellationToken: Token);
        var patch = new V1Patch("""{"metadata":{"labels":{"x":"y"}}}""", V1Patch.PatchType.MergePatch);
        var patched = await Client.CoreV1.PatchNamespacedSecretAsync(patch, "managed", Namespace, fieldManager: "second-writer", cancellationToken: Token);

        var entries = patched.Metadata.ManagedFields;
        Assert.Equal(["first-writer", "second-writer"], entries.Select(e => e.Manager));
        Assert.All(entries, e =>
        {
            Assert.Equal(("Update", "v1", "FieldsV1"), (e.Operation, e.ApiVersion, e.FieldsType));
            Assert.NotNull(e.Time);
            Assert.NotNull(e.FieldsV1);
        });
        var second = JsonNode.Parse(KubernetesJson.Serialize(entries[1].FieldsV1))!;
        Assert.NotNull(second["f:metadata"]?["f:labels"]?["f:x"]);

        // Without fieldManager the manager is the User-Agent's first token.
        var created = await CreateSecretAsync("agent");
        Assert.NotEqual("", Assert.Single(created.Metadata.ManagedFields).Manager);
    }
}
