using System.Net;
using K8sCertOperator.Outbound;

namespace K8sCertOperator.Tests.Outbound;

/// <summary>Which network an address belongs to, IPv4 and IPv6, mapped and embedded forms included.</summary>
public class AddressRulesTests
{
    [Theory]
    [InlineData("8.8.8.8", AddressClass.Public)]
    [InlineData("172.15.255.255", AddressClass.Public)]
    [InlineData("172.32.0.1", AddressClass.Public)]
    [InlineData("100.63.255.255", AddressClass.Public)]
    [InlineData("127.0.0.1", AddressClass.Loopback)]
    [InlineData("127.255.0.9", AddressClass.Loopback)]
    [InlineData("169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("10.0.0.1", AddressClass.Private)]
    [InlineData("172.16.0.1", AddressClass.Private)]
    [InlineData("172.31.255.254", AddressClass.Private)]
    [InlineData("192.168.1.1", AddressClass.Private)]
    [InlineData("100.64.0.1", AddressClass.Private)]
    [InlineData("0.0.0.0", AddressClass.Unusable)]
    [InlineData("224.0.0.1", AddressClass.Unusable)]
    [InlineData("255.255.255.255", AddressClass.Unusable)]
    [InlineData("2606:4700::1111", AddressClass.Public)]
    [InlineData("::1", AddressClass.Loopback)]
    [InlineData("::", AddressClass.Unusable)]
    [InlineData("fe80::1", AddressClass.LinkLocal)]
    [InlineData("fd00::1", AddressClass.Private)]
    [InlineData("fc00::1", AddressClass.Private)]
    [InlineData("ff02::1", AddressClass.Unusable)]
    [InlineData("::ffff:127.0.0.1", AddressClass.Loopback)]
    [InlineData("::ffff:169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("::ffff:8.8.8.8", AddressClass.Public)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressClass.LinkLocal)]
    [InlineData("2002:7f00:1::", AddressClass.Loopback)]
    public void Classify(string address, AddressClass expected) => Assert.Equal(expected, AddressRules.Classify(IPAddress.Parse(address)));
}
