import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Webhook requests over plain HTTP/1.1 on SwiftNIO's event loops, each with its own deadline,
/// on connections kept alive per host (`WebhookConnectionPool`): a stalled endpoint only holds
/// its own channels and never a thread or a queue another destination needs. (`https` URLs go
/// through `URLSessionWebhookTransport`.)
///
/// A kept-alive connection the server closed while it was idle fails before any answer arrives;
/// such a request is sent once more on a new connection (RFC 9112 §9.3.1 lets a client retry a
/// request whose connection closed before any of the response; the receiver sees the same
/// `webhook-id` at most once either way, since nothing reached it).
public struct NIOWebhookTransport: WebhookTransport {
    let group: any EventLoopGroup
    let pool: WebhookConnectionPool

    /// The connections every default transport shares.
    static let sharedPool = WebhookConnectionPool()

    public init(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.init(group: group, pool: Self.sharedPool)
    }

    init(group: any EventLoopGroup, pool: WebhookConnectionPool) {
        self.group = group
        self.pool = pool
    }

    public func send(_ request: WebhookRequest) async -> WebhookResponse {
        guard let host = request.url.host else { return WebhookResponse(status: 0, detail: "no host") }
        let port = request.url.port ?? 80
        var path = request.url.path.isEmpty ? "/" : request.url.path
        if let query = request.url.query { path += "?" + query }
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path)
        head.headers.add(name: "Host", value: port == 80 ? host : "\(host):\(port)")
        head.headers.add(name: "Content-Length", value: String(request.body.count))
        for (name, value) in request.headers { head.headers.add(name: name, value: value) }
        let key = "\(host):\(port)"
        let deadline = NIODeadline.now() + .milliseconds(Int64(request.timeout * 1000))

        if let reused = pool.take(key) {
            switch await exchange(on: reused, head: head, body: request.body, key: key, deadline: deadline) {
            case .answered(let response): return response
            case .failed(let error, let answerStarted):
                if answerStarted { return WebhookResponse(status: 0, detail: "\(error)") }
            }
        }
        do {
            let connection = try await connect(host: host, port: port, timeout: request.timeout)
            switch await exchange(on: connection, head: head, body: request.body, key: key, deadline: deadline) {
            case .answered(let response): return response
            case .failed(let error, _): return WebhookResponse(status: 0, detail: "\(error)")
            }
        } catch {
            return WebhookResponse(status: 0, detail: "\(error)")
        }
    }

    private func connect(host: String, port: Int, timeout: TimeInterval) async throws -> WebhookConnectionPool.Connection {
        let exchange = WebhookExchangeHandler()
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.milliseconds(Int64(min(timeout, 10) * 1000)))
            .channelInitializer { channel in
                channel.pipeline.addHTTPClientHandlers().flatMap { channel.pipeline.addHandler(exchange) }
            }
            .connect(host: host, port: port).get()
        return WebhookConnectionPool.Connection(channel: channel, exchange: exchange)
    }

    private enum Outcome {
        case answered(WebhookResponse)
        /// No complete answer; `answerStarted` says whether any of it had arrived.
        case failed(any Error, answerStarted: Bool)
    }

    /// One request on `connection`; the connection goes back to the pool when the answer allows
    /// keep-alive, and is closed otherwise.
    private func exchange(
        on connection: WebhookConnectionPool.Connection, head: HTTPRequestHead, body: Data, key: String,
        deadline: NIODeadline
    ) async -> Outcome {
        let channel = connection.channel
        let promise = channel.eventLoop.makePromise(of: WebhookExchangeHandler.Answer.self)
        let timer = channel.eventLoop.scheduleTask(deadline: deadline) {
            // The receiver may have the request: a timed-out request is never sent again here.
            promise.fail(ExchangeFailure(reason: TransportError.timedOut, answerStarted: true))
            channel.close(promise: nil)
        }
        channel.eventLoop.execute {
            guard channel.isActive else {
                promise.fail(ExchangeFailure(reason: TransportError.closedEarly, answerStarted: false))
                return
            }
            connection.exchange.begin(promise)
            channel.write(HTTPClientRequestPart.head(head), promise: nil)
            channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
            let written = channel.eventLoop.makePromise(of: Void.self)
            written.futureResult.whenFailure { connection.exchange.fail(with: $0) }
            channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: written)
        }
        let answer: WebhookExchangeHandler.Answer
        do {
            answer = try await promise.futureResult.get()
            timer.cancel()
        } catch {
            timer.cancel()
            channel.close(promise: nil)
            let failure = error as? ExchangeFailure
            return .failed(failure?.reason ?? error, answerStarted: failure?.answerStarted ?? true)
        }
        if answer.keepAlive { pool.give(connection, to: key) } else { channel.close(promise: nil) }
        return .answered(answer.response)
    }

    enum TransportError: Error, CustomStringConvertible {
        case timedOut, closedEarly, closedDuringAnswer
        var description: String {
            switch self {
            case .timedOut: "timed out"
            case .closedEarly: "connection closed before the answer"
            case .closedDuringAnswer: "connection closed during the answer"
            }
        }
    }

    /// Why a request got no answer, and whether any of the answer had arrived.
    struct ExchangeFailure: Error {
        var reason: any Error
        var answerStarted: Bool
    }
}

/// The last handler of a kept-alive webhook connection: answers the one request in flight with
/// its status, `Retry-After` and the start of its body, and says whether the connection may be
/// used again. Runs on its channel's event loop only.
final class WebhookExchangeHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart

    struct Answer: Sendable {
        var response: WebhookResponse
        var keepAlive: Bool
    }

    private var promise: EventLoopPromise<Answer>?
    private var head: HTTPResponseHead?
    private var body = ByteBuffer()

    /// Starts a request: its answer completes `promise`.
    func begin(_ promise: EventLoopPromise<Answer>) {
        self.promise = promise
        head = nil
        body.clear()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            // 1xx answers (100 Continue) precede the real one.
            if h.status.code >= 200 { head = h }
        case .body(var b):
            if body.readableBytes < 300 { body.writeBuffer(&b) }
        case .end:
            guard let h = head else { return }
            let response = WebhookResponse(
                status: Int(h.status.code),
                retryAfter: WebhookResponse.retryAfter(h.headers.first(name: "Retry-After"), now: Date()),
                detail: String(buffer: body.getSlice(at: body.readerIndex, length: min(300, body.readableBytes)) ?? body))
            let p = promise
            promise = nil
            p?.succeed(Answer(response: response, keepAlive: h.isKeepAlive))
        }
    }

    /// Ends the request in flight without an answer.
    func fail(with error: any Error) {
        let p = promise
        promise = nil
        p?.fail(NIOWebhookTransport.ExchangeFailure(reason: error, answerStarted: head != nil))
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(with: head == nil ? NIOWebhookTransport.TransportError.closedEarly : .closedDuringAnswer)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(with: error)
        context.close(promise: nil)
    }
}
