namespace K8sCertOperator.Controllers.Certificates;

/// <summary>A freshly issued chain (leaf first) and the ca.crt to store with it.</summary>
public sealed record IssuedMaterial(string ChainPem, string? CaPem);
