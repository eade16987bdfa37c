using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Tests.Api;

/// <summary>Fully populated objects survive serialize/deserialize with our options and with KubernetesClient's.</summary>
public class RoundTripTests
{
    public static TheoryData<Type> EntityTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in RepoFiles.EntityTypes.Values.OrderBy(t => t.Name))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EntityTypes))]
    public void EveryFieldSurvivesARoundTripWithKubeJson(Type type)
    {
        var original = typeof(ObjectPopulator).GetMethod(nameof(ObjectPopulator.Create))!.MakeGenericMethod(type).Invoke(null, null);
        var json = JsonSerializer.SerializeToNode(original, type, KubeJson.Options);
        Assert.Empty(ObjectPopulator.EmptyPaths(json));

        var back = JsonSerializer.Deserialize(json!.ToJsonString(), type, KubeJson.Options);
        var again = JsonSerializer.SerializeToNode(back, type, KubeJson.Options);

        Assert.True(JsonNode.DeepEquals(json, again), $"{type.Name}:\n{json.ToJsonString()}\n{again?.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(EntityTypes))]
    public void EveryFieldSurvivesARoundTripWithKubernetesClientJson(Type type)
    {
        var original = typeof(ObjectPopulator).GetMethod(nameof(ObjectPopulator.Create))!.MakeGenericMethod(type).Invoke(null, null)!;
        var text = k8s.KubernetesJson.Serialize(original);

        var back = typeof(k8s.KubernetesJson).GetMethods()
            .Single(m => m.Name == "Deserialize" && m.IsGenericMethod && m.GetParameters() is [{ ParameterType: var p }, ..] && p == typeof(string))
            .MakeGenericMethod(type).Invoke(null, [text, null])!;

        Assert.Equal(
            JsonSerializer.SerializeToNode(original, type, KubeJson.Options)!.ToJsonString(),
            JsonSerializer.SerializeToNode(back, type, KubeJson.Options)!.ToJsonString());
    }

    [Fact]
    public void RealisticCertificateRoundTripsWithCertManagerFieldNames()
    {
        var certificate = new Certificate
        {
            Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "prod" },
            Spec = new CertificateSpec
            {
                SecretName = "web-tls",
                IssuerRef = new ObjectReference { Name = "letsencrypt", Kind = ApiGroups.ClusterIssuerKind, Group = ApiGroups.Cert },
                CommonName = "example.com",
                DnsNames = ["example.com", "*.example.com"],
                IpAddresses = ["192.0.2.1", "2001:db8::1"],
                Uris = ["spiffe://example.com/web"],
                EmailAddresses = ["ops@example.com"],
                Subject = new X509Subject { Organizations = ["Example"], Countries = ["DE"], SerialNumber = "42" },
                Duration = "2160h",
                RenewBeforePercentage = 33,
                Usages = [KeyUsages.DigitalSignature, KeyUsages.ServerAuth],
                IsCA = false,
                PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ed25519, Encoding = PrivateKeyEncodings.Pkcs8, RotationPolicy = RotationPolicies.Never },
                SecretTemplate = new CertificateSecretTemplate { Labels = new() { ["team"] = "web" } },
                RevisionHistoryLimit = 3,
                RevocationPolicy = RevocationPolicies.RevokeOnDelete,
            },
            Status = new CertificateStatus
            {
                Conditions = [new Condition { Type = ConditionTypes.Ready, Status = ConditionStatus.True, Reason = ConditionReasons.Ready, Message = "ok", LastTransitionTime = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), ObservedGeneration = 4 }],
                NotAfter = new DateTime(2026, 4, 2, 3, 4, 5, DateTimeKind.Utc),
                Revision = 2,
            },
        };

        var json = JsonSerializer.SerializeToNode(certificate, KubeJson.Options)!;
        var back = json.Deserialize<Certificate>(KubeJson.Options)!;

        Assert.Equal("k8scert.io/v1", json["apiVersion"]!.GetValue<string>());
        Assert.Equal("Certificate", json["kind"]!.GetValue<string>());
        Assert.False(json["spec"]!["isCA"]!.GetValue<bool>());
        Assert.Null(json["spec"]!["renewBefore"]);
        Assert.Equal("2026-04-02T03:04:05Z", json["status"]!["notAfter"]!.GetValue<string>());
        Assert.Equal("True", json["status"]!["conditions"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(certificate.Spec.DnsNames, back.Spec.DnsNames!);
        Assert.Equal(certificate.Spec.IssuerRef.Kind, back.Spec.IssuerRef.Kind);
        Assert.Equal(certificate.Status.NotAfter, back.Status!.NotAfter);
        Assert.Equal(DateTimeKind.Utc, back.Status.NotAfter!.Value.Kind);
        Assert.Equal(4, back.Status.Conditions![0].ObservedGeneration);
        Assert.True(JsonNode.DeepEquals(json, JsonSerializer.SerializeToNode(back, KubeJson.Options)));
    }

    [Fact]
    public void AcmeIssuerUsesCertManagerSpellingsForAcronymFields()
    {
        var issuer = ObjectPopulator.Create<ClusterIssuer>();

        var acme = JsonSerializer.SerializeToNode(issuer, KubeJson.Options)!["spec"]!["acme"]!;

        Assert.NotNull(acme["skipTLSVerify"]);
        Assert.NotNull(acme["externalAccountBinding"]!["keyID"]);
        Assert.NotNull(acme["solvers"]![0]!["dns01"]!["route53"]!["hostedZoneID"]);
        Assert.NotNull(acme["solvers"]![0]!["dns01"]!["route53"]!["accessKeyIDSecretRef"]);
        Assert.Equal(Convert.ToBase64String([0x30, 0x82, 0x01, 0xff]), acme["caBundle"]!.GetValue<string>());
    }

    [Fact]
    public void EffectiveDefaultsApplyWhenFieldsAreAbsent()
    {
        var spec = JsonSerializer.Deserialize<CertificateSpec>("""{"secretName":"s","issuerRef":{"name":"i"},"privateKey":{}}""", KubeJson.Options)!;

        Assert.Equal(ApiGroups.IssuerKind, spec.IssuerRef.EffectiveKind);
        Assert.False(spec.IssuerRef.IsClusterIssuer);
        Assert.Equal(PrivateKeyAlgorithms.Rsa, spec.PrivateKey!.EffectiveAlgorithm);
        Assert.Equal(PrivateKeyEncodings.Pkcs1, spec.PrivateKey.EffectiveEncoding);
        Assert.Equal(RotationPolicies.Always, spec.PrivateKey.EffectiveRotationPolicy);
    }

    [Fact]
    public void KubernetesClientJsonOmitsUnsetOptionalFields()
    {
        var certificate = new Certificate
        {
            Metadata = new V1ObjectMeta { Name = "a" },
            Spec = new CertificateSpec { SecretName = "a-tls", IssuerRef = new ObjectReference { Name = "i" }, DnsNames = ["a.example"] },
        };

        var json = JsonNode.Parse(k8s.KubernetesJson.Serialize(certificate))!;

        // Nulls on the wire would be pruned or rejected by the API server, and would clear fields in a merge patch.
        Assert.Equal(["apiVersion", "kind", "metadata", "spec"], json.AsObject().Select(kv => kv.Key));
        Assert.Equal(["secretName", "issuerRef", "dnsNames"], json["spec"]!.AsObject().Select(kv => kv.Key));
    }
}
