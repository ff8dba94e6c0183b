import { tableFromIPC } from 'apache-arrow';
import WebSocket from 'ws';
import type { ImportOutcome, MethodName, RequestOf, ResponseOf, SurveySummary, WaveSummary } from '../../../src/contract/index.js';
import { createClient, type RpcClient } from '../../../src/rpc/client.js';
import { webSocketTransport, type WebSocketLike } from '../../../src/rpc/websocket-transport.js';
import type { WebHost } from '../../../src/web/host.js';

export interface WaveFacts {
  wave: WaveSummary;
  idColumnLabel: string;
  firstId: string;
  lastId: string;
}

/**
 * What the UI ought to show, asked of the backend directly over the same contract. The e2e tests then check
 * that the UI shows exactly that, without hard-coding the sample data's sizes or ids.
 */
export class BackendOracle {
  private constructor(private readonly client: RpcClient) {}

  static async connect(host: WebHost): Promise<BackendOracle> {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/ws`, { headers: { 'x-heard-token': host.token } });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new BackendOracle(createClient(webSocketTransport(socket as unknown as WebSocketLike)));
  }

  /** Any method of the contract, for a test to ask what a page ought to show. */
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
    return this.client.call(method, request);
  }

  surveys(): Promise<SurveySummary[]> {
    return this.client.call('surveys.list', {});
  }

  /** Imports a file as the import wizard would, for a test that needs a small wave of its own. */
  importFile(request: RequestOf<'import.commit'>): Promise<ImportOutcome> {
    return this.client.call('import.commit', request);
  }

  async wave(surveyName: string, waveLabel: string): Promise<WaveFacts> {
    const survey = (await this.surveys()).find((s) => s.name === surveyName);
    const wave = survey?.waves.find((w) => w.label === waveLabel);
    if (!wave) throw new Error(`The sample project has no wave "${waveLabel}" of "${surveyName}".`);
    const columns = await this.client.call('waves.columns', { waveId: wave.id });
    const idColumn = columns.find((c) => c.role === 'respondent_id');
    if (!idColumn) throw new Error(`"${surveyName}" has no respondent id column.`);
    const idAt = async (offset: number) => {
      const page = await this.client.call('waves.page', { waveId: wave.id, offset, limit: 1 });
      return String(tableFromIPC(page.arrow).getChild(idColumn.name)?.get(0));
    };
    return {
      wave,
      idColumnLabel: idColumn.label || idColumn.name,
      firstId: await idAt(0),
      lastId: await idAt(wave.rowCount - 1),
    };
  }

  close(): void {
    this.client.close();
  }
}
