namespace K8sCertOperator.Policies.Schema;

/// <summary>How much a finding of `check migration` matters for the switch.</summary>
public enum FindingSeverity
{
    /// <summary>The operator does not have this (an issuer type, a field, a value): the object will not work as it does today.</summary>
    Unsupported,

    /// <summary>Accepted for compatibility and without effect here (e.g. an HTTP-01 solver's podTemplate).</summary>
    Ignored,

    /// <summary>An ACME Order or Challenge still being worked on by cert-manager.</summary>
    InFlight,
}
