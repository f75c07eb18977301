/**
 * Answers of the start API for one server, for the launch tests.
 */
import { IFakeAnswer } from './fakeFetch';

export const HUB = 'https://hub.example.org/';
export const STATUS_URL = `${HUB}hub/api/start/alice/s1`;
export const DELETE_URL = `${HUB}hub/api/users/alice/servers/s1`;
export const NEXT_URL = `${HUB}user/alice/s1/`;

/** 202 to `POST /hub/api/start`. */
export const accepted: IFakeAnswer = {
  status: 202,
  body: { status: 'pending', status_url: STATUS_URL, delete_url: DELETE_URL }
};

/** A status check while it starts. */
export const pending: IFakeAnswer = {
  status: 200,
  body: { status: 'pending', status_url: STATUS_URL, delete_url: DELETE_URL }
};

/** A status check (or a 200 start) once it runs. */
export const running: IFakeAnswer = {
  status: 200,
  body: {
    status: 'running',
    next_url: NEXT_URL,
    status_url: STATUS_URL,
    delete_url: DELETE_URL
  }
};
