using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using K8sCertOperator.Api;
using K8sCertOperator.Hosting;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Corpus;

/// <summary>
/// Property tests for the parsers bad input reaches first: GoDuration, ListenAddress and NameValidator never throw
/// on any string, and report failure only through their documented error result, with a bounded message.
/// </summary>
public class ParserFuzzProperties
{
    private const int MaxMessage = 400;

    // Random strings mostly miss the interesting paths; these pieces build near-miss durations, addresses and names.
    private static readonly string[] Pieces =
    [
        "0", "1", "9", "99999999999999999999", ".", "..", "-", "+", "h", "m", "s", "ms", "us", "µs", "μs", "ns", "d",
        ":", "[", "]", "::", "::1", "127.0.0.1", "localhost", "0.0.0.0", "65535", "65536", "%eth0",
        "*", "*.", "xn--", "xn--bcher-kva", "a", "-", "example", ".com", "@", "http://", "urn:", " ", "\u0000", "\n", "ü", "\uD800",
    ];

    private static Arbitrary<string> NearMisses() =>
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property GoDurationNeverThrowsAndAgreesWithParse() =>
        Prop.ForAll(NearMisses(), text => CheckDuration(text));

    [Property(MaxTest = 500)]
    public void GoDurationOnArbitraryStrings(string? text) => CheckDuration(text);

    [Property(MaxTest = 1000)]
    public Property ListenAddressNeverThrows() =>
        Prop.ForAll(NearMisses(), text => CheckListenAddress(text));

    [Property(MaxTest = 500)]
    public void ListenAddressOnArbitraryStrings(NonNull<string> text) => CheckListenAddress(text.Get);

    [Property(MaxTest = 1000)]
    public Property NameValidatorNeverThrows() =>
        Prop.ForAll(NearMisses(), text => CheckNames(text));

    [Property(MaxTest = 500)]
    public void NameValidatorOnArbitraryStrings(string? text) => CheckNames(text);

    [Property(MaxTest = 300)]
    public void NameValidatorOnHugeStrings(NonNegativeInt length, char fill)
    {
        var text = new string(fill, 1000 + length.Get * 50) + ".example.com";
        CheckNames(text);
        Assert.NotNull(NameValidator.ValidateDnsName(text));
    }

    private static void CheckDuration(string? text)
    {
        var ok = GoDuration.TryParse(text, out var value, out var error);
        if (ok)
        {
            Assert.Null(error);
            Assert.Equal(value, GoDuration.Parse(text!));
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(error));
            Assert.Equal(TimeSpan.Zero, value);
            if (text is not null)
            {
                Assert.Throws<FormatException>(() => GoDuration.Parse(text));
            }
        }
    }

    private static void CheckListenAddress(string text)
    {
        if (ListenAddress.TryParse(text, out var endpoint, out var error))
        {
            Assert.Equal(string.Empty, error);
            Assert.InRange(endpoint.Port, 0, 65535);
            Assert.Equal(endpoint, ListenAddress.Parse(text));
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(error));
            Assert.Throws<FormatException>(() => ListenAddress.Parse(text));
        }
    }

    private static void CheckNames(string? text)
    {
        foreach (var validate in new Func<string?, string?>[]
                 { NameValidator.ValidateDnsName, NameValidator.ValidateIpAddress, NameValidator.ValidateUri, NameValidator.ValidateEmailAddress })
        {
            var error = validate(text);
            if (error is not null)
            {
                Assert.NotEmpty(error);
                Assert.True(error.Length <= MaxMessage, $"{error.Length}-character message for a {text?.Length}-character input");
            }
        }
    }
}
