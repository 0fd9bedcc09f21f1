import { ClusterModel } from '../models/index.js';

/** Every emulation cluster with its units. */
export async function allClusters() {
  return ClusterModel.find().lean();
}
