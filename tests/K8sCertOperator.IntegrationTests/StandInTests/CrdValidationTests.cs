using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>
/// Objects kube-apiserver (v1.28) refuses under the repository's CRDs are refused with its message and Status shape;
/// what it accepts comes back pruned and defaulted as it stores it.
/// </summary>
public sealed class CrdValidationTests : CrdSchemaTestBase
{
    private const string Core = "k8scert.io";
    private const string AcmeGroup = "acme.k8scert.io";

    private static JsonObject AcmeIssuer(string name, JsonObject acme) => new()
    {
        ["apiVersion"] = "k8scert.io/v1",
        ["kind"] = "Issuer",
        ["metadata"] = Meta(name),
        ["spec"] = new JsonObject { ["acme"] = acme },
    };

    private static JsonObject Acme(string server, params JsonNode[] solvers) => new()
    {
        ["server"] = server,
        ["privateKeySecretRef"] = new JsonObject { ["name"] = "account" },
        ["solvers"] = new JsonArray(solvers),
    };

    private static JsonObject Certificate(string name, JsonObject? extra = null)
    {
        var spec = new JsonObject { ["secretName"] = name + "-tls", ["issuerRef"] = new JsonObject { ["name"] = "ca" }, ["dnsNames"] = new JsonArray("a.example.com") };
        foreach (var (key, value) in extra ?? [])
        {
            spec[key] = value?.DeepClone();
        }
        return new JsonObject { ["apiVersion"] = "k8scert.io/v1", ["kind"] = "Certificate", ["metadata"] = Meta(name), ["spec"] = spec };
    }

    [Fact]
    public async Task Issuer_whose_acme_server_is_not_a_url_is_refused_by_the_pattern()
    {
        var pattern = (string)SchemaAt("issuers.k8scert.io", "spec.acme.server")["pattern"]!;
        var causes = await Refusal.InvalidAsync(
            () => CreateAsync(Core, "issuers", AcmeIssuer("bad-server", Acme("not a url", new JsonObject { ["http01"] = new JsonObject() }))),
            $"Issuer.k8scert.io \"bad-server\" is invalid: spec.acme.server: Invalid value: \"not a url\": spec.acme.server in body should match '{pattern}'");
        Assert.Equal([("FieldValueInvalid", "spec.acme.server", $"Invalid value: \"not a url\": spec.acme.server in body should match '{pattern}'")], causes);
    }

    [Fact]
    public async Task Certificate_with_a_negative_duration_is_refused_by_the_pattern()
    {
        var pattern = (string)SchemaAt("certificates.k8scert.io", "spec.duration")["pattern"]!;
        await Refusal.InvalidAsync(
            () => CreateAsync(Core, "certificates", Certificate("negative", new JsonObject { ["duration"] = "-2160h" })),
            $"Certificate.k8scert.io \"negative\" is invalid: spec.duration: Invalid value: \"-2160h\": spec.duration in body should match '{pattern}'");
    }

    [Fact]
    public async Task Dns01_solver_with_two_providers_is_refused_by_the_cel_rule()
    {
        var solver = new JsonObject
        {
            ["dns01"] = new JsonObject
            {
                ["rfc2136"] = new JsonObject { ["nameserver"] = "127.0.0.1:53" },
                ["cloudflare"] = new JsonObject { ["apiTokenSecretRef"] = new JsonObject { ["name"] = "cf", ["key"] = "token" } },
            },
        };
        var causes = await Refusal.InvalidAsync(
            () => CreateAsync(Core, "issuers", AcmeIssuer("two-providers", Acme("https://acme.example/dir", solver))),
            "Issuer.k8scert.io \"two-providers\" is invalid: spec.acme.solvers[0].dns01: Invalid value: \"object\": exactly one of rfc2136, cloudflare, route53 or webhook must be set");
        Assert.Equal("spec.acme.solvers[0].dns01", Assert.Single(causes).Field);
    }

    [Fact]
    public async Task Challenge_whose_solver_sets_http01_and_dns01_is_refused_by_the_cel_rule()
    {
        var challenge = new JsonObject
        {
            ["apiVersion"] = "acme.k8scert.io/v1",
            ["kind"] = "Challenge",
            ["metadata"] = Meta("both-solvers"),
            ["spec"] = new JsonObject
            {
                ["url"] = "https://acme.example/chall/1",
                ["authorizationURL"] = "https://acme.example/authz/1",
                ["dnsName"] = "a.example.com",
                ["type"] = "HTTP-01",
                ["token"] = "t",
                ["key"] = "t.k",
                ["issuerRef"] = new JsonObject { ["name"] = "le" },
                ["solver"] = new JsonObject
                {
                    ["http01"] = new JsonObject { ["ingress"] = new JsonObject() },
                    ["dns01"] = new JsonObject { ["rfc2136"] = new JsonObject { ["nameserver"] = "127.0.0.1:53" } },
                },
            },
        };
        await Refusal.InvalidAsync(
            () => CreateAsync(AcmeGroup, "challenges", challenge),
            "Challenge.acme.k8scert.io \"both-solvers\" is invalid: spec.solver: Invalid value: \"object\": exactly one of http01, dns01 or dnsPersist01 must be set");
    }

    [Fact]
    public async Task Several_errors_are_listed_together_and_cel_rules_wait_for_a_well_formed_object()
    {
        var body = Certificate("several", new JsonObject { ["renewBeforePercentage"] = 100, ["privateKey"] = new JsonObject { ["rotationPolicy"] = "Sometimes" } });
        ((JsonObject)body["spec"]!).Remove("secretName");
        // Go validates properties in map order, so only the set of causes is fixed, not their order in the message.
        var status = await Refusal.StatusOfAsync(() => CreateAsync(Core, "certificates", body));
        Assert.StartsWith("Certificate.k8scert.io \"several\" is invalid: [", (string?)status["message"], StringComparison.Ordinal);
        var causes = status["details"]!["causes"]!.AsArray().Select(c => $"{(string?)c!["field"]}: {(string?)c["message"]}").Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
                "spec.privateKey.rotationPolicy: Unsupported value: \"Sometimes\": supported values: \"Never\", \"Always\"",
                "spec.renewBeforePercentage: Invalid value: 100: spec.renewBeforePercentage in body should be less than or equal to 99",
                "spec.secretName: Required value",
            ],
            causes);
    }

    [Fact]
    public async Task Wrong_type_is_FieldValueTypeInvalid_naming_the_type_found()
    {
        await Refusal.InvalidAsync(
            () => CreateAsync(Core, "certificates", Certificate("typed", new JsonObject { ["isCA"] = "yes" })),
            "Certificate.k8scert.io \"typed\" is invalid: [spec.isCA: Invalid value: \"string\": spec.isCA in body must be of type boolean: \"string\", "
            + "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation]");
    }

    [Fact]
    public async Task Max_length_counts_characters_not_bytes()
    {
        var max = (int)SchemaAt("certificates.k8scert.io", "spec.commonName")["maxLength"]!;
        var fits = await CreateAsync(Core, "certificates", Certificate("runes", new JsonObject { ["commonName"] = new string('é', max) }));
        Assert.Equal(new string('é', max), (string?)fits["spec"]?["commonName"]);

        await Refusal.InvalidAsync(
            () => CreateAsync(Core, "certificates", Certificate("too-long", new JsonObject { ["commonName"] = new string('é', max + 1) })),
            $"Certificate.k8scert.io \"too-long\" is invalid: [spec.commonName: Too long: may not be longer than {max}, "
            + "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation]");
    }

    [Fact]
    public async Task Defaults_fill_absent_fields_inside_objects_that_are_present()
    {
        var created = await CreateAsync(Core, "certificates", Certificate("defaulted", new JsonObject { ["privateKey"] = new JsonObject { ["algorithm"] = "ECDSA" } }));
        Assert.Equal("Issuer", (string?)created["spec"]?["issuerRef"]?["kind"]);
        Assert.Equal("k8scert.io", (string?)created["spec"]?["issuerRef"]?["group"]);
        Assert.Equal("Always", (string?)created["spec"]?["privateKey"]?["rotationPolicy"]);
        Assert.Equal("Never", (string?)created["spec"]?["revocationPolicy"]);

        var bare = await CreateAsync(Core, "certificates", Certificate("no-key-options"));
        Assert.Null(bare["spec"]?["privateKey"]);
    }

    [Fact]
    public async Task Unknown_fields_are_dropped_silently_except_where_the_schema_preserves_them()
    {
        var body = Certificate("pruned", new JsonObject { ["notAField"] = "x", ["issuerRef"] = new JsonObject { ["name"] = "ca", ["extra"] = 1 } });
        body["topLevelJunk"] = true;
        body["metadata"]!["notMetadata"] = "x";
        var created = await CreateAsync(Core, "certificates", body);
        Assert.Null(created["spec"]?["notAField"]);
        Assert.Null(created["spec"]?["issuerRef"]?["extra"]);
        Assert.Null(created["topLevelJunk"]);
        Assert.Null(created["metadata"]?["notMetadata"]);

        var webhook = new JsonObject
        {
            ["dns01"] = new JsonObject
            {
                ["webhook"] = new JsonObject { ["groupName"] = "acme.example.com", ["solverName"] = "x", ["config"] = new JsonObject { ["anything"] = new JsonObject { ["goes"] = 1 } } },
            },
        };
        var issuer = await CreateAsync(Core, "issuers", AcmeIssuer("webhook", Acme("https://acme.example/dir", webhook)));
        Assert.Equal(1, (int?)issuer["spec"]?["acme"]?["solvers"]?[0]?["dns01"]?["webhook"]?["config"]?["anything"]?["goes"]);
    }

    [Fact]
    public async Task A_patch_is_validated_after_it_is_applied_and_a_refused_patch_changes_nothing()
    {
        var created = await CreateAsync(Core, "certificates", Certificate("patched"));
        var patch = new V1Patch(new { spec = new { duration = "soon" } }, V1Patch.PatchType.MergePatch);
        var status = await Refusal.StatusOfAsync(() => Client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, Core, "v1", Namespace, "certificates", "patched", cancellationToken: Token));
        Assert.Equal(422, (int?)status["code"]);
        Assert.StartsWith("Certificate.k8scert.io \"patched\" is invalid: spec.duration: Invalid value: \"soon\"", (string?)status["message"], StringComparison.Ordinal);
        var after = await GetAsync(Core, "certificates", "patched");
        Assert.Equal((string?)created["metadata"]?["resourceVersion"], (string?)after["metadata"]?["resourceVersion"]);
    }

    [Fact]
    public async Task Status_writes_are_validated_against_the_status_schema()
    {
        var created = await CreateAsync(Core, "certificates", Certificate("status"));
        created["status"] = new JsonObject { ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "Maybe" }) };
        var causes = await Refusal.InvalidAsync(
            () => Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync(created, Core, "v1", Namespace, "certificates", "status", cancellationToken: Token),
            "Certificate.k8scert.io \"status\" is invalid: [status.conditions[0].status: Unsupported value: \"Maybe\": supported values: \"True\", \"False\", \"Unknown\", "
            + "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation]");
        Assert.Equal("status.conditions[0].status", causes[0].Field);
    }

    [Fact]
    public async Task Details_carry_name_group_kind_and_the_causes()
    {
        var status = await Refusal.StatusOfAsync(
            () => CreateAsync(Core, "issuers", AcmeIssuer("details", Acme("ftp://x", new JsonObject { ["http01"] = new JsonObject() }))));
        var details = status["details"]!;
        Assert.Equal(("details", "k8scert.io", "Issuer"), ((string?)details["name"], (string?)details["group"], (string?)details["kind"]));
        Assert.Single(details["causes"]!.AsArray());
    }
}
