using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Tests.Controllers.Certificates;

/// <summary>Which existing Secrets a Certificate may write: its own, or foreign ones only when empty or kubernetes.io/tls.</summary>
public sealed class SecretAdoptionPolicyTests
{
    public enum Outcome
    {
        Owned,
        Adopt,
        Refuse,
    }

    public static TheoryData<string, bool, string?, string[], Outcome> Cases => new()
    {
        // case, made by the operator (managed-by label), type, data keys, outcome
        { "no secret", false, null, [], Outcome.Owned },
        { "ours, tls", true, "kubernetes.io/tls", ["tls.crt", "tls.key"], Outcome.Owned },
        { "ours, opaque with extra keys (type kept from an earlier adoption)", true, "Opaque", ["tls.crt", "other"], Outcome.Owned },
        { "foreign tls with keys", false, "kubernetes.io/tls", ["tls.crt", "tls.key"], Outcome.Adopt },
        { "foreign tls with extra keys", false, "kubernetes.io/tls", ["tls.crt", "tls.key", "extra"], Outcome.Adopt },
        { "foreign empty opaque", false, "Opaque", [], Outcome.Adopt },
        { "foreign empty, no type", false, "", [], Outcome.Adopt },
        { "foreign opaque with data", false, "Opaque", ["password"], Outcome.Refuse },
        { "foreign opaque with tls-looking keys", false, "Opaque", ["tls.crt", "tls.key"], Outcome.Refuse },
        { "foreign docker config", false, "kubernetes.io/dockerconfigjson", [".dockerconfigjson"], Outcome.Refuse },
        { "foreign empty but typed for something else", false, "kubernetes.io/basic-auth", [], Outcome.Refuse },
        { "foreign service account token", false, "kubernetes.io/service-account-token", ["token"], Outcome.Refuse },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(string name, bool ours, string? type, string[] keys, Outcome expected)
    {
        var secret = name == "no secret" ? null : new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web-tls",
                Labels = ours ? new Dictionary<string, string> { [LabelKeys.ManagedBy] = LabelKeys.ManagedByValue } : null,
            },
            Type = type,
            Data = keys.ToDictionary(k => k, k => Encoding.UTF8.GetBytes("value of " + k)),
        };

        var decision = SecretAdoptionPolicy.Decide(secret);

        var actual = !decision.MayWrite ? Outcome.Refuse : decision.IsAdoption ? Outcome.Adopt : Outcome.Owned;
        Assert.True(expected == actual, $"{name}: {actual} ({decision.Message})");
        Assert.Equal(expected == Outcome.Owned, decision.Message is null);
    }

    [Fact]
    public void A_refusal_says_what_the_secret_holds_and_what_to_do_without_the_values()
    {
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "web-tls" },
            Type = "Opaque",
            Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes("hunter2") },
        };

        var message = SecretAdoptionPolicy.Decide(secret).Message!;

        Assert.Contains("\"web-tls\"", message, StringComparison.Ordinal);
        Assert.Contains("Opaque", message, StringComparison.Ordinal);
        Assert.Contains("password", message, StringComparison.Ordinal);
        Assert.Contains("left untouched", message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_label_value_is_not_ours()
    {
        var secret = new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "s", Labels = new Dictionary<string, string> { [LabelKeys.ManagedBy] = "someone-else" } },
            Type = "Opaque",
            Data = new Dictionary<string, byte[]> { ["k"] = [1] },
        };

        Assert.False(SecretAdoptionPolicy.Decide(secret).MayWrite);
    }
}
