using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Issuers;

namespace K8sCertOperator.Tests.Corpus;

/// <summary>Every CA issuer Secret in tests/corpus/secrets through the check the Issuer controller runs on it.</summary>
public class SecretCorpusTests
{
    private const string Area = "secrets";

    public static TheoryData<string> Cases() => CorpusFiles.Names(Area);

    [Theory]
    [MemberData(nameof(Cases))]
    public void CaKeyPairCheckGivesTheExpectedReason(string name)
    {
        var c = CorpusFiles.Get(Area, name);
        var secret = ToSecret(c);

        var readiness = CaKeyPairCheck.Evaluate(secret, "corpus", "corpus-ca", DateTimeOffset.UtcNow);

        CorpusAssert.Outcome(c, "outcome", readiness.IsReady ? [] : [readiness.Message]);
        Assert.Equal(c.Expected("reason") ?? ConditionReasons.KeyPairVerified, readiness.Reason);

        // The message goes into a condition and an Event: bounded, and never any key material.
        Assert.True(readiness.Message.Length < 1024, $"{c}: message is {readiness.Message.Length} characters");
        Assert.DoesNotContain("-----BEGIN", readiness.Message, StringComparison.Ordinal);
        foreach (var value in secret.Data.Values.Select(Encoding.UTF8.GetString).Where(v => v.Length > 40))
        {
            Assert.DoesNotContain(value[..40], readiness.Message, StringComparison.Ordinal);
        }
    }

    public static V1Secret ToSecret(CorpusCase c) => new()
    {
        Metadata = new V1ObjectMeta { Name = "corpus-ca", NamespaceProperty = "corpus" },
        Type = "kubernetes.io/tls",
        Data = c.Input["data"]!.AsObject().ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value!.GetValue<string>())),
    };
}
