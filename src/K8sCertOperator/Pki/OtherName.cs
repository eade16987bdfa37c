namespace K8sCertOperator.Pki;

/// <summary>An otherName subject alternative name whose value is a UTF8String (e.g. a UPN, 1.3.6.1.4.1.311.20.2.3).</summary>
public sealed record OtherName(string Oid, string Utf8Value);
