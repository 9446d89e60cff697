// Re-exported axios: only type information shows that `http` in orders.ts is axios.
import axios from 'axios';

export const http = axios;
