using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Tests.Controllers.Certificates;

/// <summary>Which records the Certificate's Issuing condition names while its Order waits for somebody to publish them.</summary>
public class ManualDnsRecordWaitTests
{
    private const string A = "_validation-persist.a.example.com.";
    private const string B = "_validation-persist.b.example.com.";

    public static TheoryData<string, Challenge[], string?> Cases() => new()
    {
        { "no challenges", [], null },
        { "a record the operator writes", [With(A, "ca.example; accounturi=u", managed: true, AcmeStates.Pending)], null },
        { "a challenge without a record (dns-01 before presenting)", [new Challenge { Status = new ChallengeStatus { State = AcmeStates.Pending } }], null },
        { "one record to publish", [With(A, "ca.example; accounturi=u", managed: false, AcmeStates.Pending)],
            $"Order o-1 waits for this TXT record to be published: {A} TXT \"ca.example; accounturi=u\"" },
        { "a validated challenge no longer waits", [With(A, "ca.example; accounturi=u", managed: false, AcmeStates.Valid)], null },
        { "two names, sorted, the same record once",
            [With(B, "ca.example; accounturi=u", managed: false, AcmeStates.Pending), With(A, "ca.example; accounturi=u; policy=wildcard", managed: false, null),
             With(B, "ca.example; accounturi=u", managed: false, AcmeStates.Processing)],
            $"Order o-1 waits for these TXT records to be published: {A} TXT \"ca.example; accounturi=u; policy=wildcard\"; {B} TXT \"ca.example; accounturi=u\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Names_every_record_still_to_publish(string name, Challenge[] challenges, string? expected)
    {
        _ = name;
        Assert.Equal(expected, ManualDnsRecordWait.Message("o-1", challenges));
    }

    private static Challenge With(string owner, string value, bool managed, string? state) => new()
    {
        Status = new ChallengeStatus { State = state, DnsRecord = new ChallengeDnsRecord { Name = owner, Value = value, Managed = managed } },
    };
}
