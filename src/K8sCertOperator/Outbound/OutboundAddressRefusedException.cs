using System.Net;

namespace K8sCertOperator.Outbound;

/// <summary>A connection was not made because the target address is of a class the caller refuses.</summary>
public sealed class OutboundAddressRefusedException : IOException
{
    public OutboundAddressRefusedException(string host, IPAddress address, AddressClass addressClass)
        : base($"{host} resolves to a {Describe(addressClass)} address, which is not allowed here")
    {
        Host = host;
        Address = address;
        AddressClass = addressClass;
    }

    public string Host { get; }

    public IPAddress Address { get; }

    public AddressClass AddressClass { get; }

    public static string Describe(AddressClass addressClass) => addressClass switch
    {
        AddressClass.Loopback => "loopback",
        AddressClass.LinkLocal => "link-local",
        AddressClass.Private => "private",
        AddressClass.Unusable => "reserved",
        _ => "public",
    };
}
