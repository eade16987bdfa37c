using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Issuers;

namespace K8sCertOperator.Tests.Controllers.Issuers;

/// <summary>When an ACME issuer reconcile may skip contacting the server.</summary>
public class AcmeRegistrationDecisionTests
{
    private const string Hash = "key-hash";

    public static TheoryData<string, Issuer, bool, string?> Cases()
    {
        var data = new TheoryData<string, Issuer, bool, string?>
        {
            { "registered and cached", Registered(), true, null },
            { "registered, not cached", Registered(), false, "no ACME client" },
            { "no status", Registered(i => i.Status = null), true, "not Ready" },
            { "not ready", Registered(i => i.Status!.Conditions![0].Status = ConditionStatus.False), true, "not Ready" },
            { "ready for another reason", Registered(i => i.Status!.Conditions![0].Reason = ConditionReasons.IsReady), true, "not Ready" },
            { "generation moved on", Registered(i => i.Metadata.Generation = 3), true, "spec changed" },
            { "no uri", Registered(i => i.Status!.Acme!.Uri = null), true, "no account URI" },
            { "no acme status", Registered(i => i.Status!.Acme = null), true, "no account URI" },
            { "key changed", Registered(i => i.Status!.Acme!.LastPrivateKeyHash = "other"), true, "key changed" },
            { "email changed", Registered(i => i.Spec.Acme!.Email = "new@example.com"), true, "email changed" },
            { "email removed", Registered(i => i.Spec.Acme!.Email = null), true, "email changed" },
            {
                "no email either side",
                Registered(i =>
                {
                    i.Spec.Acme!.Email = null;
                    i.Status!.Acme!.LastRegisteredEmail = null;
                }),
                true,
                null
            },
            {
                "empty and null email are the same",
                Registered(i =>
                {
                    i.Spec.Acme!.Email = "";
                    i.Status!.Acme!.LastRegisteredEmail = null;
                }),
                true,
                null
            },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhyRegister(string name, Issuer issuer, bool registryHasClient, string? expectedPart)
    {
        var why = AcmeRegistrationDecision.WhyRegister(issuer, Hash, registryHasClient);

        if (expectedPart is null)
        {
            Assert.True(why is null, $"{name}: expected skip, got '{why}'");
        }
        else
        {
            Assert.True(why is not null && why.Contains(expectedPart, StringComparison.Ordinal), $"{name}: got '{why}'");
        }
    }

    private static Issuer Registered(Action<Issuer>? change = null)
    {
        var issuer = new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "acme", NamespaceProperty = "ns", Generation = 2 },
            Spec = new IssuerSpec { Acme = new AcmeIssuer { Server = "https://acme.example/dir", Email = "a@example.com" } },
            Status = new IssuerStatus
            {
                Conditions =
                [
                    new Condition
                    {
                        Type = ConditionTypes.Ready,
                        Status = ConditionStatus.True,
                        Reason = ConditionReasons.AcmeAccountRegistered,
                        ObservedGeneration = 2,
                    },
                ],
                Acme = new AcmeIssuerStatus { Uri = "https://acme.example/acct/1", LastRegisteredEmail = "a@example.com", LastPrivateKeyHash = Hash },
            },
        };
        change?.Invoke(issuer);
        return issuer;
    }
}
