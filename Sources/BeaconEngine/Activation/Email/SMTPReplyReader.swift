import BeaconCore
import NIOCore

/// The inbound end of an SMTP connection: splits what the server sends into lines, parses
/// them into replies (`SMTPReplyParser`) and hands each reply to the next caller waiting.
///
/// Confined to its channel's event loop: every method runs there.
final class SMTPReplyReader: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private var partial: [UInt8] = []
    private var parser = SMTPReplyParser()
    private var ready: [SMTPReply] = []
    private var waiters: [EventLoopPromise<SMTPReply>] = []
    private var failure: (any Error)?

    /// The next reply, already received or still to come.
    func next(on loop: any EventLoop) -> EventLoopFuture<SMTPReply> {
        if !ready.isEmpty { return loop.makeSucceededFuture(ready.removeFirst()) }
        if let failure { return loop.makeFailedFuture(failure) }
        let promise = loop.makePromise(of: SMTPReply.self)
        waiters.append(promise)
        return promise.futureResult
    }

    /// Fails every waiting and later caller with `error`.
    func fail(_ error: any Error) {
        if failure == nil { failure = error }
        let waiting = waiters
        waiters = []
        for w in waiting { w.fail(failure!) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        partial += buffer.readBytes(length: buffer.readableBytes) ?? []
        while let lf = partial.firstIndex(of: UInt8(ascii: "\n")) {
            var line = Array(partial[..<lf])
            partial.removeFirst(lf + 1)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            do {
                if let reply = try parser.feed(String(decoding: line, as: UTF8.self)) {
                    if waiters.isEmpty { ready.append(reply) } else { waiters.removeFirst().succeed(reply) }
                }
            } catch {
                fail(SMTPError(stage: "reply", "\(error)"))
                context.close(promise: nil)
                return
            }
        }
        if partial.count > 64 * 1024 {
            fail(SMTPError(stage: "reply", "a reply line longer than 64 KB"))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError(stage: "connection", "the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(SMTPError(stage: "connection", "\(error)"))
        context.close(promise: nil)
    }
}
