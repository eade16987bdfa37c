namespace K8sCertOperator.Acme.Http;

/// <summary>
/// What an ACME request is for, named by the caller. It is the <c>action</c> label of the request metrics:
/// a closed set, because the URLs themselves carry order, authorization and certificate ids.
/// </summary>
public sealed class AcmeAction
{
    public static readonly AcmeAction Directory = new("directory");
    public static readonly AcmeAction NewNonce = new("new-nonce");
    public static readonly AcmeAction NewAccount = new("new-account");
    public static readonly AcmeAction Account = new("account");
    public static readonly AcmeAction KeyChange = new("key-change");
    public static readonly AcmeAction NewOrder = new("new-order");
    public static readonly AcmeAction GetOrder = new("get-order");
    public static readonly AcmeAction GetAuthorization = new("get-authz");
    public static readonly AcmeAction Challenge = new("challenge");
    public static readonly AcmeAction Finalize = new("finalize");
    public static readonly AcmeAction Certificate = new("certificate");
    public static readonly AcmeAction Revoke = new("revoke");
    public static readonly AcmeAction RenewalInfo = new("renewal-info");

    /// <summary>Every action, for documentation and tests.</summary>
    public static IReadOnlyList<AcmeAction> All { get; } =
        [Directory, NewNonce, NewAccount, Account, KeyChange, NewOrder, GetOrder, GetAuthorization, Challenge, Finalize, Certificate, Revoke, RenewalInfo];

    // Private: the set stays closed, so the label cannot grow with traffic.
    private AcmeAction(string label) => Label = label;

    /// <summary>The metric label value, lower-case and dash-separated like the directory's resource names.</summary>
    public string Label { get; }

    public override string ToString() => Label;
}
