using System.Net;
using System.Net.Sockets;

namespace K8sCertOperator.Outbound;

/// <summary>Pure classification of IP addresses (IPv4-mapped IPv6 counts as its IPv4 address).</summary>
public static class AddressRules
{
    public static AddressClass Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4(address.GetAddressBytes()) : ClassifyV6(address);
    }

    private static AddressClass ClassifyV4(byte[] b) => b switch
    {
        [127, ..] => AddressClass.Loopback,
        [169, 254, ..] => AddressClass.LinkLocal,
        [10, ..] => AddressClass.Private,
        [172, >= 16 and <= 31, ..] => AddressClass.Private,
        [192, 168, ..] => AddressClass.Private,
        [100, >= 64 and <= 127, ..] => AddressClass.Private,
        [0, ..] => AddressClass.Unusable,
        [>= 224, ..] => AddressClass.Unusable, // multicast, reserved, broadcast
        [192, 0, 0, _] => AddressClass.Unusable, // IETF protocol assignments
        [198, 18 or 19, ..] => AddressClass.Private, // benchmarking, used as private space
        _ => AddressClass.Public,
    };

    private static AddressClass ClassifyV6(IPAddress address)
    {
        if (IPAddress.IPv6Loopback.Equals(address))
        {
            return AddressClass.Loopback;
        }

        if (IPAddress.IPv6None.Equals(address) || address.IsIPv6Multicast)
        {
            return AddressClass.Unusable;
        }

        if (address.IsIPv6LinkLocal)
        {
            return AddressClass.LinkLocal;
        }

        var b = address.GetAddressBytes();
        if (address.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC)
        {
            return AddressClass.Private;
        }

        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address: judge that one.
        if (b is [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0, ..])
        {
            return ClassifyV4(b[12..]);
        }

        if (b is [0x20, 0x02, ..])
        {
            return ClassifyV4(b[2..6]);
        }

        return AddressClass.Public;
    }
}
